package com.thewans.catalog.availability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.catalog.cache.CatalogCache;
import com.thewans.common.availability.ReleaseWindowReadModel;
import com.thewans.common.events.EventHandler;

/**
 * Catalog's read model of rights-service's release windows (common's {@link ReleaseWindowReadModel}
 * in catalog's {@code film_window}), so search can filter "watchable now as SVOD in PG" in SQL; a
 * change drops the cached lists that depend on it.
 */
@Configuration(proxyBeanMethods = false)
class ReleaseWindows {

    @Bean
    EventHandler windowOpened(JdbcTemplate jdbc, CatalogCache cache) {
        return ReleaseWindowReadModel.opened(jdbc, cache::availabilityChanged);
    }

    @Bean
    EventHandler windowUpdated(JdbcTemplate jdbc, CatalogCache cache) {
        return ReleaseWindowReadModel.updated(jdbc, cache::availabilityChanged);
    }

    @Bean
    EventHandler windowClosed(JdbcTemplate jdbc, CatalogCache cache) {
        return ReleaseWindowReadModel.closed(jdbc, cache::availabilityChanged);
    }
}
