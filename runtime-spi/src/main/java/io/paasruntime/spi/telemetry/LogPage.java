package io.paasruntime.spi.telemetry;

import java.util.List;
import java.util.Optional;

/** Lines oldest first; {@code nextCursor} reads the lines before the first one. */
public record LogPage(List<LogLine> lines, Optional<String> nextCursor) {
    public LogPage {
        lines = List.copyOf(lines);
    }
}
