package io.audience.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the vendor's error body from servlet filters, which run outside Spring MVC's advice. */
@Component
public final class ErrorBodies {

    private final JsonMapper json;

    ErrorBodies(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, int status, String key, String message) throws IOException {
        write(response, status, ApiError.of(key, message));
    }

    public void write(HttpServletResponse response, ApiException e) throws IOException {
        write(response, e.status().value(), List.of(new ApiError(e.errorKey(), e.getMessage(), e.details())));
    }

    private void write(HttpServletResponse response, int status, List<ApiError> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
