package io.audience.webhook.web;

import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.web.Frame;
import io.audience.webhook.Webhook;
import io.audience.webhook.Webhooks;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's Webhooks tab: the account's endpoints with their state (a disabled one says why),
 * and each one's delivery log, where a delivery can be sent again and a ping tests the endpoint.
 * Webhooks are made with the API, which shows the secret once.
 */
@Controller
@ConsolePage(Privilege.ACCOUNT_READ)
class WebhookPages {

    private static final String PAGE = "/console/settings/webhooks";
    private static final int LOG_SIZE = 100;

    private final Webhooks webhooks;

    WebhookPages(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping(PAGE)
    String list(Frame frame, Caller caller, Model model) {
        model.addAttribute("webhooks", webhooks.list(caller.accountId()));
        return "settings/webhooks";
    }

    @GetMapping(PAGE + "/{webhook_id}")
    String log(Frame frame, Caller caller, @PathVariable("webhook_id") String webhookId, Model model) {
        UUID id = Limits.uuid("webhook", webhookId);
        Webhook webhook = webhooks.get(caller.accountId(), id);
        model.addAttribute("webhook", webhook);
        model.addAttribute("deliveries", webhooks.deliveries(caller.accountId(), id, null, LOG_SIZE));
        return "settings/webhook";
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping(PAGE + "/{webhook_id}/test")
    String ping(Caller caller, @PathVariable("webhook_id") String webhookId, RedirectAttributes redirect) {
        UUID id = Limits.uuid("webhook", webhookId);
        webhooks.ping(caller.accountId(), id);
        redirect.addFlashAttribute("notice", "A ping is on its way; reload to see how the endpoint answered.");
        return "redirect:" + PAGE + "/" + id;
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping(PAGE + "/{webhook_id}/enable")
    String enable(Caller caller, @PathVariable("webhook_id") String webhookId, RedirectAttributes redirect) {
        UUID id = Limits.uuid("webhook", webhookId);
        webhooks.enable(caller.accountId(), id);
        redirect.addFlashAttribute("notice", "The webhook is enabled; its waiting deliveries are sent in order.");
        return "redirect:" + PAGE + "/" + id;
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping(PAGE + "/{webhook_id}/deliveries/{delivery_id}/redeliver")
    String redeliver(
            Caller caller,
            @PathVariable("webhook_id") String webhookId,
            @PathVariable("delivery_id") String deliveryId,
            RedirectAttributes redirect) {
        UUID id = Limits.uuid("webhook", webhookId);
        webhooks.redeliver(caller.accountId(), id, Limits.uuid("webhook delivery", deliveryId));
        redirect.addFlashAttribute("notice", "The delivery is sent again; reload to see how the endpoint answered.");
        return "redirect:" + PAGE + "/" + id;
    }
}
