package com.thewans.notification.template;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.web.PageOf;
import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;

/** What admins do with templates: list them, add versions, preview one with sample data. */
@Service
class Templates {

    private final TemplateStore store;
    private final TemplateRenderer renderer;

    Templates(TemplateStore store, TemplateRenderer renderer) {
        this.store = store;
        this.renderer = renderer;
    }

    PageOf<TemplateView> list(NotificationType type, Channel channel, String language, int page, int size) {
        var request = PageOf.request(page, size, 100, org.springframework.data.domain.Sort.unsorted());
        return PageOf.of(store.list(type, channel, language, size, request.getOffset()).stream()
                .map(TemplateView::of).toList(), page, size, store.count(type, channel, language));
    }

    TemplateView find(UUID id) {
        return TemplateView.of(store.find(id).orElseThrow(() -> new TemplateNotFound(id)));
    }

    TemplateView addVersion(NewTemplateRequest request, UUID author) {
        boolean titled = request.channel() != Channel.SMS;
        if (titled && (request.subject() == null || request.subject().isBlank())) {
            throw new InvalidField("subject", "an email or inbox template needs a subject");
        }
        if (!titled && request.subject() != null) {
            throw new InvalidField("subject", "a text message has no subject");
        }
        if (request.channel() == Channel.EMAIL && (request.bodyHtml() == null || request.bodyHtml().isBlank())) {
            throw new InvalidField("bodyHtml", "an email template needs an HTML body as well as the text one");
        }
        if (request.channel() != Channel.EMAIL && request.bodyHtml() != null) {
            throw new InvalidField("bodyHtml", "only email has an HTML body");
        }
        TemplateRenderer.check("subject", request.subject());
        TemplateRenderer.check("bodyText", request.bodyText());
        TemplateRenderer.check("bodyHtml", request.bodyHtml());
        return TemplateView.of(store.addVersion(request.type(), request.channel(), request.language(),
                request.subject(), request.bodyText(), request.bodyHtml(), author));
    }

    RenderedMessage preview(UUID id, Map<String, Object> variables) {
        return renderer.render(store.find(id).orElseThrow(() -> new TemplateNotFound(id)), variables);
    }
}
