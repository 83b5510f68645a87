package io.audience.feedback.web;

import io.audience.api.Limits;
import io.audience.api.PublicEndpoint;
import io.audience.feedback.ProviderReports;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /feedback/{endpoint_id}: a sending service's bounce and complaint events. The body is taken
 * as raw bytes (signatures are over exactly what was sent) within the usual body limit, and
 * verified before it is read; a 2xx only after the reports are recorded.
 */
@RestController
class ProviderWebhookController {

    private final ProviderReports reports;

    ProviderWebhookController(ProviderReports reports) {
        this.reports = reports;
    }

    @PostMapping("/feedback/{endpoint_id}")
    @PublicEndpoint("a sending service's events: each request is verified by the provider's signature, its basic"
            + " auth or our HMAC under the endpoint's own key before anything in it is read")
    ProviderReports.Received receive(
            @PathVariable("endpoint_id") String endpointId,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        return reports.receive(
                Limits.uuid("feedback endpoint", endpointId), request::getHeader, body == null ? new byte[0] : body);
    }
}
