package com.thewans.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.notification.NotificationTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

class TemplateApiTest extends NotificationTestSupport {

    private JsonNode current(String type, String channel, String language) {
        return get("/api/notify/templates?type=" + type + "&channel=" + channel + "&language=" + language
                + "&size=1", admin).json().get("items").get(0);
    }

    @Test
    void anAdminsNewVersionIsTheOneUsedFromThenOn() {
        int before = current("WELCOME", "INBOX", "en").get("version").asInt();

        TestHttp.Response created = post("/api/notify/templates", """
                {"type":"WELCOME","channel":"INBOX","language":"en","subject":"Welcome aboard",
                 "bodyText":"Films from the Pacific are waiting."}""", admin);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("version").asInt()).isEqualTo(before + 1);
        assertThat(current("WELCOME", "INBOX", "en").get("subject").asString()).isEqualTo("Welcome aboard");
    }

    @Test
    void aPreviewRendersWithSampleDataAndEscapesHtml() {
        String id = current("FILM_READY", "EMAIL", "en").get("id").asString();

        TestHttp.Response preview = post("/api/notify/templates/" + id + "/preview", """
                {"variables":{"title":"<b>Sanguma</b>","filmUrl":"https://thewans.com/f/1"}}""", admin);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("subject").asString()).isEqualTo("<b>Sanguma</b> is ready");
        assertThat(preview.json().get("html").asString()).contains("&lt;b&gt;Sanguma&lt;/b&gt;")
                .doesNotContain("<b>Sanguma");
        assertThat(preview.json().get("text").asString()).contains("https://thewans.com/f/1");
    }

    @Test
    void aPreviewWithoutAVariableTheTemplateNeedsIsRefused() {
        String id = current("FILM_READY", "EMAIL", "en").get("id").asString();

        TestHttp.Response preview = post("/api/notify/templates/" + id + "/preview", """
                {"variables":{"title":"Sanguma"}}""", admin);

        assertProblem(preview, 400, "template-variable-missing");
        assertThat(preview.json().get("detail").asString()).contains("filmUrl");
    }

    @Test
    void unknownTemplatesAndBrokenOnesAreClearProblems() {
        assertProblem(post("/api/notify/templates/" + UUID.randomUUID() + "/preview", "{\"variables\":{}}", admin),
                404, "template-not-found");
        assertProblem(post("/api/notify/templates", """
                {"type":"WELCOME","channel":"INBOX","language":"en","subject":"Hi","bodyText":"{{#films}}open"}""",
                admin), 400, "template-invalid");
        assertProblem(post("/api/notify/templates", """
                {"type":"WELCOME","channel":"EMAIL","language":"en","subject":"Hi","bodyText":"text only"}""",
                admin), 400, "validation-failed");
        assertProblem(post("/api/notify/templates", """
                {"type":"NO_SUCH_TYPE","channel":"EMAIL","language":"en","subject":"Hi","bodyText":"x"}""",
                admin), 400, "validation-failed");
    }

    @Test
    void onlyAdminsTouchTemplates() {
        assertProblem(get("/api/notify/templates", TestTokens.viewer(UUID.randomUUID())), 403, "forbidden");
    }
}
