package io.paasruntime.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** API timestamps (ISO-8601 instants) shown to people. */
public final class Times {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    /** "2024-05-04 13:42:11" in the local time zone; the input unchanged if it is not an instant. */
    public static String local(String iso) {
        Instant t = parse(iso);
        return t == null ? iso : SHORT.format(t.atZone(ZoneId.systemDefault()));
    }

    /** "just now", "42s ago", "5m ago", "3h ago", "2d ago"; the input unchanged if unparseable. */
    public static String ago(String iso, Instant now) {
        Instant t = parse(iso);
        if (t == null) {
            return iso;
        }
        long s = Duration.between(t, now).getSeconds();
        if (s < 1) {
            return "just now";
        }
        if (s < 60) {
            return s + "s ago";
        }
        if (s < 3600) {
            return s / 60 + "m ago";
        }
        if (s < 86400) {
            return s / 3600 + "h ago";
        }
        return s / 86400 + "d ago";
    }

    static Instant parse(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
