package io.paasruntime.core.telemetry;

import io.paasruntime.spi.telemetry.LogLine;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A page of log lines as the API shows it: oldest first, {@code nextCursor} to read older ones. */
public record LogsView(List<LineView> lines, String nextCursor) {
    /** RFC 3339 in UTC with all nine fraction digits, so timestamps sort as text and keep their nanoseconds. */
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    public LogsView {
        lines = List.copyOf(lines);
    }

    /** One line. */
    public record LineView(String ts, String process, String instance, String stream, String message) {
        public static LineView of(LogLine line) {
            return new LineView(TS.format(line.ts()), line.process(), line.instance(), line.stream(), line.message());
        }
    }
}
