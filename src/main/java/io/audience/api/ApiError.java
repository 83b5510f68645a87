package io.audience.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One element of the vendor's error body: a JSON array of {error_key, error_message, ...}. */
public record ApiError(
        @JsonProperty("error_key") String errorKey,
        @JsonProperty("error_message") String errorMessage,
        @JsonAnyGetter Map<String, Object> details) {

    public static List<ApiError> of(String key, String message) {
        return List.of(new ApiError(key, message, Map.of()));
    }
}
