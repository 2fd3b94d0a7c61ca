package com.thewans.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    private static Template email(String subject, String text, String html) {
        return new Template(UUID.randomUUID(), NotificationType.PAYMENT_RECEIPT, Channel.EMAIL, "en", 1, subject, text,
                html, Instant.now());
    }

    @Test
    void htmlIsEscapedAndTextIsNot() {
        RenderedMessage message = renderer.render(email("{{title}}", "{{title}}", "<p>{{title}}</p>"),
                Map.of("title", "Tom & Jerry <3"));

        assertThat(message.subject()).isEqualTo("Tom & Jerry <3");
        assertThat(message.text()).isEqualTo("Tom & Jerry <3");
        assertThat(message.html()).isEqualTo("<p>Tom &amp; Jerry &lt;3</p>");
    }

    @Test
    void aMissingVariableIsRefusedNotLeftBlank() {
        assertThatThrownBy(() -> renderer.render(email("Receipt", "{{amount}} for {{description}}", "<p></p>"),
                Map.of("amount", "K 9.90")))
                .isInstanceOf(TemplateVariableMissing.class).hasMessageContaining("description");
    }

    @Test
    void anOptionalPartIsASection() {
        Template template = email("x", "{{#invoiceNumber}}Invoice {{invoiceNumber}}. {{/invoiceNumber}}Thanks", "x");
        assertThat(renderer.render(template, Map.of()).text()).isEqualTo("Thanks");
        assertThat(renderer.render(template, Map.of("invoiceNumber", "WANS-2026-000042")).text())
                .isEqualTo("Invoice WANS-2026-000042. Thanks");
    }

    @Test
    void listsRenderOnePerItem() {
        Template template = email("x", "{{#films}}- {{title}}\n{{/films}}", "x");
        assertThat(renderer.render(template, Map.of("films", List.of(Map.of("title", "Sanguma"),
                Map.of("title", "Tinpis Run")))).text()).isEqualTo("- Sanguma\n- Tinpis Run\n");
    }

    @Test
    void brokenSyntaxIsFoundWhenSaved() {
        assertThatThrownBy(() -> TemplateRenderer.check("bodyText", "{{#films}} never closed"))
                .isInstanceOf(TemplateInvalid.class);
    }
}
