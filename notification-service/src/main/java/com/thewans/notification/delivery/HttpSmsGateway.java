package com.thewans.notification.delivery;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import com.thewans.notification.NotificationSettings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through a Twilio-style Messages API: {@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json}
 * with form fields To, From and Body and HTTP Basic (account sid, auth token); 201 with the
 * message's {@code sid}. Errors carry the provider's numeric {@code code}: 21211 (invalid number),
 * 21610 (the number opted out) and 21614 (not a mobile number) are the recipient's, so final;
 * 429, 5xx and no answer at all are retried.
 */
@Component
class HttpSmsGateway implements SmsGateway {

    private static final Set<Integer> RECIPIENT_REFUSED = Set.of(21211, 21408, 21610, 21612, 21614);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient rest;
    private final NotificationSettings.Sms settings;

    HttpSmsGateway(RestClient.Builder builder, NotificationSettings settings) {
        this.settings = settings.sms();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(Duration.ofSeconds(5));
        this.rest = builder.clone().requestFactory(factory).build();
    }

    @Override
    public Outcome send(String to, String text) {
        if (settings.baseUrl() == null || settings.accountSid() == null || settings.authToken() == null) {
            return new Outcome.Transient("no SMS provider configured (SMS_API_BASE, SMS_ACCOUNT_SID, SMS_AUTH_TOKEN)");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", to);
        form.add("From", settings.sender() == null ? "WANS" : settings.sender());
        form.add("Body", text);
        String basic = Base64.getEncoder().encodeToString(
                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
        try {
            String body = rest.post()
                    .uri(settings.baseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/{sid}/Messages.json",
                            settings.accountSid())
                    .header("Authorization", "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(String.class);
            JsonNode sent = body == null ? null : JSON.readTree(body);
            return new Outcome.Sent(sent == null || sent.get("sid") == null ? null : sent.get("sid").asString());
        } catch (RestClientResponseException e) {
            int code = providerCode(e.getResponseBodyAsString());
            String error = "SMS provider answered " + e.getStatusCode().value()
                    + (code == 0 ? "" : " (code " + code + ")");
            if (RECIPIENT_REFUSED.contains(code) || e.getStatusCode().value() == 400 && code == 0) {
                return new Outcome.Permanent(error);
            }
            return new Outcome.Transient(error);
        } catch (ResourceAccessException e) {
            return new Outcome.Transient("SMS provider unreachable: " + e.getMostSpecificCause().getClass().getSimpleName());
        }
    }

    private static int providerCode(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            return error != null && error.get("code") != null ? error.get("code").asInt() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
