package dev.mcpauth.check;

import java.time.Duration;
import java.time.Instant;

/** Times as people read them in a report: "3 h 12 min ago", "in 5 min". */
public final class Durations {

    private Durations() {}

    public static String relative(Instant when, Instant now) {
        Duration d = Duration.between(now, when);
        String amount = amount(d.abs());
        return d.isNegative() ? amount + " ago" : "in " + amount;
    }

    public static String amount(Duration d) {
        long days = d.toDays();
        if (days >= 2) {
            return days + " days";
        }
        long hours = d.toHours();
        if (hours >= 1) {
            return hours + " h " + d.toMinutesPart() + " min";
        }
        long minutes = d.toMinutes();
        if (minutes >= 1) {
            return minutes + " min";
        }
        return d.toSeconds() + " s";
    }
}
