package com.thewans.advertising.campaign;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.web.PageOf;

import io.swagger.v3.oas.annotations.Operation;
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
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a campaign (DRAFT) with budgets, CPM, priority, targeting and a frequency cap")
    CampaignView create(@Valid @RequestBody CreateCampaignRequest request) {
        return campaigns.create(request);
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
    CampaignView one(@PathVariable UUID id) {
        return campaigns.view(id);
    }

    @PatchMapping("/api/ads/campaigns/{id}")
    @Operation(summary = "Change a campaign's name, end, budgets, CPM, priority, targeting or frequency cap")
    CampaignView update(@PathVariable UUID id, @Valid @RequestBody UpdateCampaignRequest request) {
        return campaigns.update(id, request);
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
