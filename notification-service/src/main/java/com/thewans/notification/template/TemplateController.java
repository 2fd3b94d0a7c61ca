package com.thewans.notification.template;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.PageOf;
import com.thewans.common.web.ProblemAnswers;
import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/notify/templates")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Templates", description = "Admins keep what each notification says per channel and language, "
        + "in versions, and preview them")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "Templates, newest versions first, by type, channel and language")
    PageOf<TemplateView> list(@RequestParam(required = false) NotificationType type,
            @RequestParam(required = false) Channel channel, @RequestParam(required = false) String language,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return templates.list(type, channel, language, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One template version")
    @ApiResponse(responseCode = "404", description = "No such template (`template-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    TemplateView find(@PathVariable UUID id) {
        return templates.find(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a version of a template; it is used from now on")
    @ApiResponse(responseCode = "400", description = "Not valid Mustache (`template-invalid`) or parts the channel "
            + "does not have (`validation-failed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    TemplateView addVersion(@Valid @RequestBody NewTemplateRequest request, @AuthenticationPrincipal CurrentUser admin) {
        return templates.addVersion(request, admin.userId());
    }

    @PostMapping("/{id}/preview")
    @Operation(summary = "Render a template version with sample data, without sending anything")
    @ApiResponse(responseCode = "400", description = "The data lacks a variable the template uses "
            + "(`template-variable-missing`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "No such template (`template-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    RenderedMessage preview(@PathVariable UUID id, @Valid @RequestBody PreviewRequest request) {
        return templates.preview(id, request.variables());
    }
}
