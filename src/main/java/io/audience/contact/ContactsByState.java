package io.audience.contact;

/**
 * How many contacts an account has in each state, as the contacts filter names them: active (not
 * deleted, whatever its consent), deleted, and among the active ones those unsubscribed and those
 * pending confirmation.
 */
public record ContactsByState(
        int active, int deleted, int unsubscribed, int pendingConfirmation, int bounced, int complained) {}
