package com.thewans.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The table {@code ./wans up} and {@code ./wans status} print: name, URL, pid, status, start time. */
public final class StatusTable {

    public record Row(String name, String url, String pid, String status, String took) {
    }

    private StatusTable() {
    }

    public static Row row(Member m, String status, Duration took) {
        return new Row(m.name(), m.url(), m.external() ? "external" : Long.toString(m.pid()), status,
                took == null ? "-" : HealthWaiter.seconds(took));
    }

    public static String render(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"NAME", "URL", "PID", "STATUS", "HEALTHY AFTER"});
        rows.forEach(r -> cells.add(new String[] {r.name(), r.url(), r.pid(), r.status(), r.took()}));
        int[] width = new int[5];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder l = new StringBuilder("  ");
            for (int i = 0; i < line.length; i++) {
                l.append(String.format("%-" + width[i] + "s", line[i]));
                if (i < line.length - 1) {
                    l.append("  ");
                }
            }
            out.append(l.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
