package com.thewans.notification.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

/**
 * Fills templates in with Mustache. HTML bodies escape every variable (a film title is never
 * markup); subjects, text and SMS are plain text and are not escaped. A variable the template
 * names but the message lacks is refused ({@link TemplateVariableMissing}), never rendered blank;
 * an optional part is written as a section ({@code {{#invoiceNumber}}...{{/invoiceNumber}}}).
 */
@Component
public class TemplateRenderer {

    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true);
    private static final Mustache.Compiler TEXT = Mustache.compiler().escapeHTML(false);

    /** Compiled parts by template id: a version never changes, and an announcement renders it for every recipient. */
    private final Map<String, com.samskivert.mustache.Template> compiled = new ConcurrentHashMap<>();

    public RenderedMessage render(Template template, Map<String, ?> variables) {
        String name = template.type() + "/" + template.channel() + "/" + template.language() + " v" + template.version();
        return new RenderedMessage(fill(TEXT, template, "subject", template.subject(), variables, name),
                fill(TEXT, template, "text", template.bodyText(), variables, name),
                fill(HTML, template, "html", template.bodyHtml(), variables, name));
    }

    /** Parses a template part, so an admin learns of a syntax error when saving, not when sending. */
    static void check(String field, String source) {
        if (source == null) {
            return;
        }
        try {
            HTML.compile(source);
        } catch (MustacheException e) {
            throw new TemplateInvalid(field, e.getMessage());
        }
    }

    private String fill(Mustache.Compiler compiler, Template template, String part, String source,
            Map<String, ?> variables, String name) {
        if (source == null) {
            return null;
        }
        try {
            return compiled.computeIfAbsent(template.id() + ":" + part, key -> compiler.compile(source))
                    .execute(variables);
        } catch (MustacheException.Context e) {
            throw new TemplateVariableMissing(name, "'" + e.key + "' (line " + e.lineNo + ")");
        } catch (MustacheException e) {
            throw new TemplateInvalid(name, e.getMessage());
        }
    }
}
