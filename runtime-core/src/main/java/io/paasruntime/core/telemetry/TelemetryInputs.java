package io.paasruntime.core.telemetry;

import io.paasruntime.core.errors.ValidationFailed;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the time and number inputs of log and metric requests, refusing bad ones by field name. */
final class TelemetryInputs {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(s|m|h|d)");
    private static final Duration MAX_LOOKBACK = Duration.ofDays(3650);

    private TelemetryInputs() {
    }

    /** {@code 15m}, {@code 30s}, {@code 2h}, {@code 7d}; empty if {@code text} is not one. */
    static Optional<Duration> duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }

    /** An RFC 3339 time, or a duration meaning that long before {@code now}. */
    static Instant time(String field, String text, Instant now) {
        Optional<Duration> ago = duration(text);
        if (ago.isPresent()) {
            if (ago.get().compareTo(MAX_LOOKBACK) > 0) {
                throw ValidationFailed.of(field, "must not reach back more than 3650d");
            }
            return now.minus(ago.get());
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of(field, "must be an RFC 3339 time (2026-12-03T10:00:00Z) or a duration like 15m");
        }
    }

    /** A whole number between {@code min} and {@code max}. */
    static int integer(String field, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below with the same words as an out-of-range number
        }
        throw ValidationFailed.of(field, "must be a whole number from " + min + " to " + max);
    }
}
