package io.audience.web;

import io.audience.api.ErrorBodies;
import io.audience.api.PublicEndpoint;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the container sends a request that failed outside any handler (the authorization server
 * refused it, a filter threw): its status in the vendor's error format, whatever the request
 * accepts, instead of Spring Boot's own JSON or a 406. Called directly, it is a path with nothing
 * at it.
 */
@RestController
@PublicEndpoint("it shows only the status of a request that already failed")
class ErrorEndpoint implements ErrorController {

    private final ErrorBodies errors;

    ErrorEndpoint(ErrorBodies errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code
                : 404;
        errors.write(response, status, StatusErrors.key(status), StatusErrors.message(status));
    }
}
