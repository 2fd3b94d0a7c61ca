package com.thewans.catalog.asset;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.catalog.film.FilmView;
import com.thewans.catalog.film.FilmViews;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.EntityTags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Film artwork", description = "Posters, backdrops, stills and trailers: the creator uploads a file"
        + " straight to storage with a presigned PUT, then confirms it; the catalog checks what was uploaded.")
class AssetController {

    record UploadRequest(@NotNull AssetKind kind, @NotBlank @Size(max = 100) String contentType) {
    }

    record ConfirmRequest(@NotNull AssetKind kind, @NotBlank @Size(max = 512) String key) {
    }

    private final FilmAssets assets;
    private final FilmViews views;

    AssetController(FilmAssets assets, FilmViews views) {
        this.assets = assets;
        this.views = views;
    }

    @PostMapping("/api/films/{id}/assets/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start an artwork upload: a presigned PUT for one file of the kind and content type")
    FilmAssets.UploadTicket upload(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody UploadRequest request) {
        return assets.startUpload(user, id, request.kind(), request.contentType());
    }

    @ApiResponse(responseCode = "201", description = "the film with the new asset",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilmView.class)))
    @PostMapping("/api/films/{id}/assets")
    @Operation(summary = "Confirm an uploaded file: its type and size are checked, then it joins the film")
    ResponseEntity<FilmView> confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody ConfirmRequest request) {
        var film = assets.confirm(user, id, request.kind(), request.key());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(EntityTags.of(film.version())).body(views.of(film));
    }

    @DeleteMapping("/api/films/{id}/assets/{assetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an artwork file from a film and from storage")
    void remove(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID assetId) {
        assets.remove(user, id, assetId);
    }

    /** A stable address for an asset: redirects to a freshly signed storage URL. */
    @GetMapping("/api/films/{id}/assets/{assetId}/content")
    @Operation(summary = "Fetch an artwork file: a redirect to a freshly signed storage URL")
    ResponseEntity<Void> content(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable UUID assetId) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(assets.contentUrl(user, id, assetId)))
                .cacheControl(CacheControl.noStore()).build();
    }
}
