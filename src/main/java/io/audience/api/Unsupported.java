package io.audience.api;

/**
 * Vendor parameters this service does not implement are refused, never ignored: ignoring a filter
 * widens the selection, and a wider selection can mail people who were not meant.
 */
public final class Unsupported {

    private Unsupported() {}

    public static void refuse(String parameter, boolean present, String instead) {
        if (present) {
            throw new ValidationFailed(parameter + " is not supported by this service: " + instead
                    + "; the request was refused rather than run without it");
        }
    }
}
