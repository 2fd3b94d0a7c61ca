package com.thewans.notification.preference;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.problem.InvalidField;
import com.thewans.notification.contact.Contact;
import com.thewans.notification.contact.Contacts;
import com.thewans.notification.contact.QuietHours;
import com.thewans.notification.kind.Category;
import com.thewans.notification.kind.Channel;

/** A user's settings read and replaced as one, and the one-click unsubscribe of a category from email. */
@Service
class NotificationPreferences {

    private final Contacts contacts;
    private final Preferences preferences;
    private final Follows follows;

    NotificationPreferences(Contacts contacts, Preferences preferences, Follows follows) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.follows = follows;
    }

    @Transactional(readOnly = true)
    PreferencesView of(UUID userId) {
        Contact contact = contacts.find(userId);
        List<PreferencesView.Choice> choices = new ArrayList<>();
        preferences.all(userId).forEach((category, channels) -> channels.forEach((channel, enabled) ->
                choices.add(new PreferencesView.Choice(category, channel, enabled))));
        QuietHours quiet = contact.quietHours();
        return new PreferencesView(contact.language(), quiet.zone().getId(), contact.territory(),
                quiet.isSet() ? new PreferencesView.QuietHoursView(quiet.from(), quiet.until()) : null, choices,
                new PreferencesView.Following(follows.genres(userId), follows.creators(userId)));
    }

    @Transactional
    PreferencesView replace(UUID userId, PreferencesView wanted) {
        ZoneId zone;
        try {
            zone = ZoneId.of(wanted.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidField("timeZone", "is not an IANA time zone such as Pacific/Port_Moresby");
        }
        QuietHours quiet = wanted.quietHours() == null ? QuietHours.none(zone)
                : new QuietHours(wanted.quietHours().from(), wanted.quietHours().until(), zone);
        if (wanted.channels().stream().map(c -> c.category() + "/" + c.channel()).distinct().count()
                < wanted.channels().size()) {
            throw new InvalidField("channels", "names a category and channel more than once");
        }
        contacts.changeSettings(userId, wanted.language(), wanted.territory(), quiet);
        preferences.replace(userId, wanted.channels());
        PreferencesView.Following following = wanted.follows() == null
                ? new PreferencesView.Following(List.of(), List.of()) : wanted.follows();
        follows.replace(userId, following.genres(), following.creators());
        return of(userId);
    }

    @Transactional
    void unsubscribe(UUID userId, Category category) {
        contacts.remember(userId);
        preferences.set(userId, category, Channel.EMAIL, false);
    }
}
