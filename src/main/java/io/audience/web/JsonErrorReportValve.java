package io.audience.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Errors Tomcat answers itself, before any servlet runs (a URL that does not decode, say), in the
 * vendor's JSON error format instead of an HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        String key = StatusErrors.key(status);
        String message = StatusErrors.message(status);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("[{\"error_key\":\"" + key + "\",\"error_message\":\"" + message + "\"}]");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already started: nothing more can be said.
        }
    }
}
