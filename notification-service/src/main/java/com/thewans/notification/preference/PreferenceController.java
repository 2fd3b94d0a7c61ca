package com.thewans.notification.preference;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Preferences", description = "What a user hears about, on which channel, in which language and when")
class PreferenceController {

    private final NotificationPreferences preferences;
    private final UnsubscribeLinks links;

    PreferenceController(NotificationPreferences preferences, UnsubscribeLinks links) {
        this.preferences = preferences;
        this.links = links;
    }

    @GetMapping("/api/notify/preferences")
    @Operation(summary = "The caller's notification settings")
    PreferencesView mine(@AuthenticationPrincipal CurrentUser user) {
        return preferences.of(user.userId());
    }

    @PutMapping("/api/notify/preferences")
    @Operation(summary = "Replace the caller's notification settings; critical messages (codes, receipts, "
            + "security alerts) are sent whatever they say")
    @ApiResponse(responseCode = "400", description = "An unknown time zone, category or channel, or quiet hours "
            + "without an end (`validation-failed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    PreferencesView replace(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PreferencesView wanted) {
        return preferences.replace(user.userId(), wanted);
    }

    /** What a link in an email opens: a page that asks, because link scanners follow every GET. */
    @GetMapping(path = "/api/notify/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The page an unsubscribe link opens (no sign-in; changes nothing by itself)")
    @ApiResponse(responseCode = "400", description = "A token not signed here (`unsubscribe-link-invalid`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    String confirm(@RequestParam String token) {
        UnsubscribeLinks.Unsubscription unsubscription = links.read(token);
        String category = unsubscription.category().name().toLowerCase();
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Unsubscribe</title></head><body>
                <form method="post"><p>Stop emails about %s from THE WANS?</p>
                <input type="hidden" name="token" value="%s"><button type="submit">Unsubscribe</button></form>
                </body></html>""".formatted(category, HtmlUtils.htmlEscape(token));
    }

    /** RFC 8058 one-click: mail clients POST {@code List-Unsubscribe=One-Click} to the header's URL. */
    @PostMapping(path = "/api/notify/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Unsubscribe from a category of email by a signed link (one click, no sign-in)")
    @ApiResponse(responseCode = "400", description = "A token not signed here (`unsubscribe-link-invalid`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    String unsubscribe(@RequestParam String token) {
        UnsubscribeLinks.Unsubscription unsubscription = links.read(token);
        preferences.unsubscribe(unsubscription.userId(), unsubscription.category());
        return "<!doctype html><html><body><p>You will get no more emails about "
                + unsubscription.category().name().toLowerCase() + ".</p></body></html>";
    }
}
