package com.thewans.rights.window;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.rights.web.InvalidField;

/** Release windows: admins manage them, a film's creator may look at their film's. */
@RestController
@RequestMapping("/api/windows")
class WindowController {

    private final WindowService windows;

    WindowController(WindowService windows) {
        this.windows = windows;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<WindowView> create(@Valid @RequestBody CreateWindowRequest request) {
        WindowView created = windows.create(request);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/windows/" + created.id())
                .eTag(etag(created)).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<WindowView> get(@PathVariable UUID id) {
        WindowView window = windows.get(id);
        return ResponseEntity.ok().eTag(etag(window)).body(window);
    }

    @GetMapping("/film/{filmId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
    List<WindowView> ofFilm(@PathVariable UUID filmId, @AuthenticationPrincipal CurrentUser caller) {
        return windows.ofFilm(filmId, caller);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<WindowView> update(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateWindowRequest request) {
        WindowView updated = windows.update(id, version(ifMatch), request);
        return ResponseEntity.ok().eTag(etag(updated)).body(updated);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    WindowView cancel(@PathVariable UUID id, @Valid @RequestBody CancelWindowRequest request) {
        return windows.cancel(id, request.reason().strip());
    }

    private static String etag(WindowView window) {
        return "\"" + window.version() + "\"";
    }

    /** If-Match: "3" (or W/"3", or 3) names the version the change was made against. */
    private static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw VersionPrecondition.missing();
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidField("If-Match", "must be the window's ETag, such as \"3\"");
        }
    }
}
