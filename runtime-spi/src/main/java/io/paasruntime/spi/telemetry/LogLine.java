package io.paasruntime.spi.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of output.
 *
 * @param process  process type, or {@code runtime} for the runtime's own events
 * @param instance instance id such as {@code web.1}
 * @param stream   {@code stdout}, {@code stderr} or {@code runtime}
 */
public record LogLine(Instant ts, String process, String instance, String stream, String message) {
    public LogLine {
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(message, "message");
    }
}
