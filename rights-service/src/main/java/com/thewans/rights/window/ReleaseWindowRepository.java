package com.thewans.rights.window;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReleaseWindowRepository extends JpaRepository<ReleaseWindow, UUID> {

    /** Every window of these films with its prices, in one query (availability of up to 100 films). */
    @Query("select distinct w from ReleaseWindow w left join fetch w.prices where w.filmId in :filmIds")
    List<ReleaseWindow> findAllOfFilms(Collection<UUID> filmIds);

    @Query("select distinct w from ReleaseWindow w left join fetch w.prices where w.filmId = :filmId")
    List<ReleaseWindow> findAllOfFilm(UUID filmId);

    @Query("select w from ReleaseWindow w left join fetch w.prices where w.id = :id")
    Optional<ReleaseWindow> findWithPrices(UUID id);
}
