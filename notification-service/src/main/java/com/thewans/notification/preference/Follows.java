package com.thewans.notification.preference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The genres and creators a viewer follows, for news of their new releases. */
@Repository
public class Follows {

    private final JdbcTemplate jdbc;

    Follows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> genres(UUID userId) {
        return jdbc.queryForList("select subject from follows where user_id = ? and kind = 'GENRE' order by subject",
                String.class, userId);
    }

    List<UUID> creators(UUID userId) {
        return jdbc.queryForList("select subject from follows where user_id = ? and kind = 'CREATOR' order by subject",
                String.class, userId).stream().map(UUID::fromString).toList();
    }

    void replace(UUID userId, Collection<String> genres, Collection<UUID> creators) {
        jdbc.update("delete from follows where user_id = ?", userId);
        List<Object[]> rows = new ArrayList<>();
        genres.forEach(genre -> rows.add(new Object[] {userId, "GENRE", genre}));
        creators.forEach(creator -> rows.add(new Object[] {userId, "CREATOR", creator.toString()}));
        jdbc.batchUpdate("insert into follows (user_id, kind, subject) values (?, ?, ?) on conflict do nothing", rows);
    }
}
