package io.paasruntime.cli.commands;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --since}: a duration back from now ({@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, {@code 1h30m}) or an ISO instant. */
final class SinceParser {
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

    private SinceParser() {
    }

    /** The instant meant, or empty when the text is neither a duration nor an instant. */
    static Optional<Instant> parse(String text, Instant now) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            return t.isEmpty() || !PART.matcher(t).replaceAll("").isEmpty()
                    ? Optional.of(Instant.parse(text.trim()))
                    : Optional.of(now.minus(duration(t)));
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration duration(String t) {
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return total;
    }
}
