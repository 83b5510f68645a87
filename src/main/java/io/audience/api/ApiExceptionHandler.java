package io.audience.api;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where failures become the vendor's error body; nothing a client sends gives a 500. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String VALIDATION = "contacts.api.validation.error";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<List<ApiError>> api(ApiException e) {
        return body(e.status(), new ApiError(e.errorKey(), e.getMessage(), e.details()));
    }

    /** The client went away mid-body or mid-download: nobody to answer, and nothing went wrong here. */
    @ExceptionHandler({
        org.apache.catalina.connector.ClientAbortException.class,
        org.springframework.web.context.request.async.AsyncRequestNotUsableException.class
    })
    void clientGone(Exception e) {
        log.debug("The client closed the connection: {}", e.getMessage());
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<List<ApiError>> tooMany(TooManyRequests e) {
        return ResponseEntity.status(e.status())
                .header("Retry-After", Long.toString(e.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(List.of(new ApiError(e.errorKey(), e.getMessage(), e.details())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<List<ApiError>> unreadable(HttpMessageNotReadableException e) {
        ApiException cause = Causes.causeOfType(e, ApiException.class);
        if (cause != null) {
            return api(cause);
        }
        return validation(Causes.describe(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<List<ApiError>> mismatch(MethodArgumentTypeMismatchException e) {
        return validation("Invalid value for " + e.getName() + ": " + e.getValue());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<List<ApiError>> missingParameter(MissingServletRequestParameterException e) {
        return validation("The query parameter " + e.getParameterName() + " is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<List<ApiError>> missingHeader(MissingRequestHeaderException e) {
        return validation("The header " + e.getHeaderName() + " is required");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<List<ApiError>> mediaType(HttpMediaTypeNotSupportedException e) {
        String expected =
                e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(" or "));
        return body(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                new ApiError(
                        "contacts.api.unsupported_media_type",
                        "Content-Type must be " + (expected.isEmpty() ? "application/json" : expected) + ", not "
                                + e.getContentType(),
                        java.util.Map.of()));
    }

    /** A multipart upload (a CSV import) over the upload limit. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<List<ApiError>> uploadTooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return api(new PayloadTooLarge("The upload is larger than the limit of " + e.getMaxUploadSize() + " bytes"));
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<List<ApiError>> badMultipart(org.springframework.web.multipart.MultipartException e) {
        return validation("The body is not a valid multipart/form-data form: "
                + e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<List<ApiError>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return body(
                HttpStatus.NOT_ACCEPTABLE,
                new ApiError(
                        "contacts.api.not_acceptable",
                        "This resource is served only as application/json",
                        java.util.Map.of()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<List<ApiError>> method(HttpRequestMethodNotSupportedException e) {
        String allowed = e.getSupportedHttpMethods() == null
                ? ""
                : e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
        return body(
                HttpStatus.METHOD_NOT_ALLOWED,
                new ApiError(
                        "contacts.api.method_not_allowed",
                        e.getMethod() + " is not supported here; allowed: " + allowed,
                        java.util.Map.of()));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<List<ApiError>> noHandler(Exception e) {
        return body(
                HttpStatus.NOT_FOUND,
                new ApiError("contacts.api.not_found", "There is no such resource", java.util.Map.of()));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<List<ApiError>> undecodable(InvalidParameterException e) {
        return validation("The query string is not valid percent-encoded UTF-8: " + e.getMessage());
    }

    /** PostgreSQL's data exceptions (class 22, such as a NUL character) are values the client sent. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<List<ApiError>> integrity(DataIntegrityViolationException e) {
        if (e instanceof DuplicateKeyException duplicate) {
            return duplicate(duplicate);
        }
        SQLException sql = Causes.causeOfType(e, SQLException.class);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            String message = Objects.requireNonNullElse(sql.getMessage(), "");
            return validation("A value in the request cannot be stored: "
                    + message.lines().findFirst().orElse(""));
        }
        return unexpected(e);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<List<ApiError>> duplicate(DuplicateKeyException e) {
        // The server's message quotes the key (an address, say): only at DEBUG, never in INFO logs.
        log.info("Unique constraint refused a write: {}", constraintOf(e));
        log.debug(
                "Unique constraint refused a write: {}",
                e.getMostSpecificCause().getMessage());
        return body(
                HttpStatus.CONFLICT,
                new ApiError(
                        "contacts.api.conflict",
                        "The request conflicts with an existing resource; read it and retry",
                        java.util.Map.of()));
    }

    /** The constraint or state a database refusal names, without the values it quotes. */
    private static String constraintOf(Exception e) {
        org.postgresql.util.PSQLException pg = Causes.causeOfType(e, org.postgresql.util.PSQLException.class);
        if (pg == null || pg.getServerErrorMessage() == null) {
            return e.getClass().getSimpleName();
        }
        String constraint = pg.getServerErrorMessage().getConstraint();
        return pg.getSQLState() + (constraint == null ? "" : " on " + constraint);
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<List<ApiError>> contention(PessimisticLockingFailureException e) {
        log.info("Concurrent writers collided: {}", constraintOf(e));
        log.debug("Concurrent writers collided: {}", e.getMostSpecificCause().getMessage());
        return body(
                HttpStatus.CONFLICT,
                new ApiError(
                        "contacts.api.conflict",
                        "A concurrent request changed the same data; retry",
                        java.util.Map.of()));
    }

    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<List<ApiError>> unavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Retry-After", "1")
                .body(List.of(new ApiError(
                        "service_unavailable",
                        "Our internal service is temporarily unavailable; retry shortly",
                        java.util.Map.of())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<List<ApiError>> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return body(
                HttpStatus.INTERNAL_SERVER_ERROR,
                new ApiError("server_error", "There was a problem with our internal service", java.util.Map.of()));
    }

    private static ResponseEntity<List<ApiError>> validation(String message) {
        return body(HttpStatus.BAD_REQUEST, new ApiError(VALIDATION, message, java.util.Map.of()));
    }

    /** Always JSON, whatever the client accepts (a CSV download's error is still an error body). */
    private static ResponseEntity<List<ApiError>> body(HttpStatus status, ApiError error) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(List.of(error));
    }
}
