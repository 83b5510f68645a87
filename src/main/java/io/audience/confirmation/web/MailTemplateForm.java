package io.audience.confirmation.web;

import io.audience.confirmation.RenderedMail;
import org.jspecify.annotations.Nullable;

/** One mail's form on the console's Mail tab; {@code preview} only after its Preview button. */
public record MailTemplateForm(
        String path,
        String id,
        String heading,
        String subject,
        String textBody,
        String htmlBody,
        boolean customized,
        @Nullable RenderedMail preview) {}
