package com.thewans.notification.preference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.thewans.notification.kind.Category;
import com.thewans.notification.kind.Channel;

/** Per user, category and channel: on or off. No row is the default, on. */
@Repository
public class Preferences {

    private final JdbcTemplate jdbc;

    Preferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The channels of a category the user has turned off. */
    public List<Channel> turnedOff(UUID userId, Category category) {
        return jdbc.queryForList("""
                select channel from preferences where user_id = ? and category = ? and not enabled""", String.class,
                userId, category.name()).stream().map(Channel::valueOf).toList();
    }

    /** The same for many users in one query: only users who turned something off are in the map. */
    public Map<UUID, List<Channel>> turnedOff(Collection<UUID> userIds, Category category) {
        Map<UUID, List<Channel>> off = new HashMap<>();
        jdbc.query("select user_id, channel from preferences where user_id = any (?) and category = ? and not enabled",
                rs -> {
                    off.computeIfAbsent(rs.getObject("user_id", UUID.class), id -> new ArrayList<>())
                            .add(Channel.valueOf(rs.getString("channel")));
                }, userIds.toArray(UUID[]::new), category.name());
        return off;
    }

    Map<Category, Map<Channel, Boolean>> all(UUID userId) {
        Map<Category, Map<Channel, Boolean>> all = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                channels.put(channel, true);
            }
            all.put(category, channels);
        }
        jdbc.query("select category, channel, enabled from preferences where user_id = ?", rs -> {
            all.get(Category.valueOf(rs.getString("category"))).put(Channel.valueOf(rs.getString("channel")),
                    rs.getBoolean("enabled"));
        }, userId);
        return all;
    }

    void set(UUID userId, Category category, Channel channel, boolean enabled) {
        jdbc.update("""
                insert into preferences (user_id, category, channel, enabled) values (?, ?, ?, ?)
                on conflict (user_id, category, channel) do update set enabled = excluded.enabled""",
                userId, category.name(), channel.name(), enabled);
    }

    void replace(UUID userId, List<PreferencesView.Choice> choices) {
        jdbc.update("delete from preferences where user_id = ?", userId);
        List<Object[]> rows = new ArrayList<>();
        for (PreferencesView.Choice choice : choices) {
            rows.add(new Object[] {userId, choice.category().name(), choice.channel().name(), choice.enabled()});
        }
        jdbc.batchUpdate("insert into preferences (user_id, category, channel, enabled) values (?, ?, ?, ?)", rows);
    }
}
