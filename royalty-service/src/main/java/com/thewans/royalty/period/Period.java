package com.thewans.royalty.period;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.thewans.common.problem.InvalidField;

/** A royalty period: a calendar month in UTC, written {@code 2026-12}. */
public record Period(YearMonth month) implements Comparable<Period> {

    public Period {
        if (month == null || month.getYear() < 2000 || month.getYear() > 9999) {
            throw new InvalidField("period", "must be a month like 2026-12");
        }
    }

    public static Period parse(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            throw new InvalidField("period", "must be a month like 2026-12");
        }
        try {
            return new Period(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidField("period", "must be a month like 2026-12");
        }
    }

    public static Period of(Instant instant) {
        return new Period(YearMonth.from(instant.atZone(ZoneOffset.UTC)));
    }

    public static Period of(LocalDate firstDay) {
        return new Period(YearMonth.from(firstDay));
    }

    public static Period current(Clock clock) {
        return of(clock.instant());
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public Instant start() {
        return firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return next().start();
    }

    public Period next() {
        return new Period(month.plusMonths(1));
    }

    public Period previous() {
        return new Period(month.minusMonths(1));
    }

    public boolean isAfter(Period other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Period other) {
        return month.compareTo(other.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
