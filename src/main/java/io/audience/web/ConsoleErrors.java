package io.audience.web;

import io.audience.api.ApiException;
import io.audience.api.ConsolePage;
import io.audience.api.OperatorConsole;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A refused console action explains itself with the API's own message (the same typed exceptions,
 * the same words), as a page, or for an htmx request as a notice swapped into the page's
 * {@code #flash} region. Console controllers carry {@link ConsolePage} or {@link OperatorConsole}
 * on their class, which is how this advice finds them.
 */
@ControllerAdvice(annotations = {ConsolePage.class, OperatorConsole.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final Pages pages;

    ConsoleErrors(Pages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> refused(ApiException e, HttpServletRequest request) {
        return answer(request, e.status(), e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<String> badForm(Exception e, HttpServletRequest request) {
        String message = e instanceof MissingServletRequestParameterException missing
                ? "The form is missing its field " + missing.getParameterName() + "."
                : "A value in the form is not valid: " + ((MethodArgumentTypeMismatchException) e).getName() + ".";
        return answer(request, HttpStatus.BAD_REQUEST, message);
    }

    private ResponseEntity<String> answer(HttpServletRequest request, HttpStatusCode status, String message) {
        if (request.getHeader("HX-Request") != null) {
            return ResponseEntity.status(status)
                    .contentType(HTML)
                    .header("HX-Retarget", "#flash")
                    .header("HX-Reswap", "innerHTML")
                    .body(pages.render("console/flash", Map.of("good", false, "message", message)));
        }
        String title = status.value() == 404 ? "Not found" : status.value() == 409 ? "Not possible now" : "Not done";
        return ResponseEntity.status(status)
                .contentType(HTML)
                .body(pages.render(
                        "console/refused", Map.of("frame", Frame.of(request), "title", title, "message", message)));
    }
}
