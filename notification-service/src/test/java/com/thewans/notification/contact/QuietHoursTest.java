package com.thewans.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.thewans.common.problem.InvalidField;

class QuietHoursTest {

    private static final ZoneId PORT_MORESBY = ZoneId.of("Pacific/Port_Moresby");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private final QuietHours overnight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), PORT_MORESBY);

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(PORT_MORESBY).toInstant();
    }

    @Test
    void lateEveningWaitsForTheNextMorning() {
        assertThat(overnight.nextAllowed(at(DAY, 23, 30))).isEqualTo(at(DAY.plusDays(1), 7, 0));
        assertThat(overnight.nextAllowed(at(DAY, 22, 0))).isEqualTo(at(DAY.plusDays(1), 7, 0));
    }

    @Test
    void earlyMorningWaitsUntilTheQuietEnds() {
        assertThat(overnight.nextAllowed(at(DAY, 3, 15))).isEqualTo(at(DAY, 7, 0));
    }

    @Test
    void theDayGoesOutAtOnce() {
        assertThat(overnight.nextAllowed(at(DAY, 7, 0))).isEqualTo(at(DAY, 7, 0));
        assertThat(overnight.nextAllowed(at(DAY, 14, 0))).isEqualTo(at(DAY, 14, 0));
    }

    @Test
    void quietHoursWithinOneDay() {
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), PORT_MORESBY);
        assertThat(afternoon.nextAllowed(at(DAY, 14, 0))).isEqualTo(at(DAY, 15, 0));
        assertThat(afternoon.nextAllowed(at(DAY, 16, 0))).isEqualTo(at(DAY, 16, 0));
    }

    @Test
    void theUsersOwnTimeZoneDecides() {
        QuietHours fiji = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Pacific/Fiji"));
        // 21:30 in Port Moresby is 23:30 in Fiji
        assertThat(fiji.nextAllowed(at(DAY, 21, 30))).isAfter(at(DAY, 21, 30));
        assertThat(overnight.nextAllowed(at(DAY, 21, 30))).isEqualTo(at(DAY, 21, 30));
    }

    @Test
    void noQuietHoursNeverWaitAndHalfAreRefused() {
        assertThat(QuietHours.none(null).nextAllowed(at(DAY, 23, 0))).isEqualTo(at(DAY, 23, 0));
        assertThat(QuietHours.none(null).zone()).isEqualTo(PORT_MORESBY);
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0), null, PORT_MORESBY))
                .isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0), LocalTime.of(22, 0), PORT_MORESBY))
                .isInstanceOf(InvalidField.class);
    }
}
