package com.thewans.advertising.campaign;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.web.EntityTags;
import com.thewans.common.web.PageOf;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Campaigns and their creatives: admins only (AdEndpoints), every change audited. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Campaigns", description = "AVOD campaigns, budgets, targeting, creatives (admins)")
class CampaignController {

    private final CampaignService campaigns;
    private final CreativeUploads creatives;

    CampaignController(CampaignService campaigns, CreativeUploads creatives) {
        this.campaigns = campaigns;
        this.creatives = creatives;
    }

    @PostMapping("/api/ads/campaigns")
    @Operation(summary = "Create a campaign (DRAFT) with budgets, CPM, priority, targeting and a frequency cap")
    ResponseEntity<CampaignView> create(@Valid @RequestBody CreateCampaignRequest request) {
        CampaignView created = campaigns.create(request);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(EntityTags.of(created.version())).body(created);
    }

    @GetMapping("/api/ads/campaigns")
    @Operation(summary = "List campaigns, newest first, optionally of one status")
    PageOf<CampaignView> list(@RequestParam(required = false) CampaignStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageOf.request(page, size, 100, org.springframework.data.domain.Sort.unsorted());
        return campaigns.page(status, page, size);
    }

    @GetMapping("/api/ads/campaigns/{id}")
    @Operation(summary = "Read a campaign with its creatives")
    ResponseEntity<CampaignView> one(@PathVariable UUID id) {
        CampaignView campaign = campaigns.view(id);
        return ResponseEntity.ok().eTag(EntityTags.of(campaign.version())).body(campaign);
    }

    @PatchMapping("/api/ads/campaigns/{id}")
    @Operation(summary = "Change a campaign's name, end, budgets, CPM, priority, targeting or frequency cap"
            + " (If-Match required: two admins editing one campaign must not overwrite each other)")
    @ApiResponse(responseCode = "412", description = "If-Match is not the campaign's current version "
            + "(`version-mismatch`, `currentVersion`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "428", description = "No If-Match (`precondition-required`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<CampaignView> update(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateCampaignRequest request) {
        CampaignView updated = campaigns.update(id, EntityTags.ifMatch(ifMatch).required("campaign"), request);
        return ResponseEntity.ok().eTag(EntityTags.of(updated.version())).body(updated);
    }

    @PostMapping("/api/ads/campaigns/{id}/activate")
    @Operation(summary = "Start serving (from DRAFT or PAUSED; needs a READY creative)")
    CampaignView activate(@PathVariable UUID id) {
        return campaigns.activate(id);
    }

    @PostMapping("/api/ads/campaigns/{id}/pause")
    @Operation(summary = "Stop serving for now")
    CampaignView pause(@PathVariable UUID id) {
        return campaigns.pause(id);
    }

    @PostMapping("/api/ads/campaigns/{id}/end")
    @Operation(summary = "End the campaign for good")
    CampaignView end(@PathVariable UUID id) {
        return campaigns.end(id);
    }

    @PostMapping("/api/ads/campaigns/{id}/creatives")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a creative's upload: a presigned PUT to the assets bucket")
    CreativeUpload startCreative(@PathVariable UUID id, @Valid @RequestBody CreateCreativeRequest request) {
        return creatives.start(id, request);
    }

    @PostMapping("/api/ads/campaigns/{id}/creatives/{creativeId}/confirm")
    @Operation(summary = "Check the uploaded creative with ffprobe (H.264 MP4, 6-60 s, at least 320x180)")
    CreativeView confirmCreative(@PathVariable UUID id, @PathVariable UUID creativeId) {
        return creatives.confirm(id, creativeId);
    }
}
