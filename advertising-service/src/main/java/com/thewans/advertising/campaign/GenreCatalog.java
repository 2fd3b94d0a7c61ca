package com.thewans.advertising.campaign;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;

/** The genre slugs catalog knows (GET /api/genres), to refuse a campaign targeting a genre that does not exist. */
@Component
class GenreCatalog {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Genre(String slug) {
    }

    private final ServiceClient catalog;

    GenreCatalog(ServiceClients clients) {
        this.catalog = clients.forService("catalog");
    }

    Set<String> slugs() {
        Genre[] genres = catalog.get("/api/genres", Genre[].class);
        return genres == null ? Set.of()
                : List.of(genres).stream().map(Genre::slug).collect(Collectors.toUnmodifiableSet());
    }
}
