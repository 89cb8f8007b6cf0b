package io.paasruntime.local.telemetry;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogPage;
import io.paasruntime.spi.telemetry.LogQuery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers a {@link LogQuery} from a {@link AppLogFiles.Snapshot}: reads the segments newest first,
 * {@link #CHUNK} records per read, and stops as soon as it has one line more than asked for (which
 * says there is an older page). The last 100 lines are therefore one read of the newest segment,
 * however many lines are retained. {@code since} is inclusive, {@code until} exclusive; {@code text}
 * matches case-insensitively. A cursor holds the sequence number the next page reads below.
 */
final class LogSearch {
    static final int CHUNK = 256;
    private static final String CURSOR_PREFIX = "seq:";

    private LogSearch() {
    }

    static LogPage run(AppLogFiles.Snapshot snapshot, LogQuery query) {
        long upper = query.cursor().map(LogSearch::parseCursor).orElse(snapshot.nextSeq());
        long since = query.since().map(LogRecords::epochNanos).orElse(Long.MIN_VALUE);
        long until = query.until().map(LogRecords::epochNanos).orElse(Long.MAX_VALUE);
        Filter filter = new Filter(since, until, query.process(), query.text().map(t -> t.toLowerCase(Locale.ROOT)));
        List<LogLine> newestFirst = new ArrayList<>();
        long oldestSeq = -1;
        List<LogSegment.View> segments = snapshot.segments();
        for (int s = segments.size() - 1; s >= 0 && newestFirst.size() <= query.limit(); s--) {
            LogSegment.View segment = segments.get(s);
            if (segment.firstSeq() >= upper || segment.count() == 0 || segment.maxTs() < since || segment.minTs() >= until) {
                continue;
            }
            int from = (int) Math.max(0, snapshot.liveStart() - segment.firstSeq());
            int to = (int) Math.min(segment.count(), upper - segment.firstSeq());
            if (from >= to) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(segment.file(), StandardOpenOption.READ)) {
                for (int hi = to; hi > from && newestFirst.size() <= query.limit(); hi -= CHUNK) {
                    int lo = Math.max(from, hi - CHUNK);
                    List<LogLine> chunk = segment.read(channel, lo, hi);
                    for (int i = chunk.size() - 1; i >= 0 && newestFirst.size() <= query.limit(); i--) {
                        if (filter.matches(chunk.get(i))) {
                            newestFirst.add(chunk.get(i));
                            oldestSeq = segment.firstSeq() + lo + i;
                        }
                    }
                }
            } catch (NoSuchFileException e) {
                // retention deleted this segment after the snapshot: its lines are gone, not an error
            } catch (IOException e) {
                throw ProviderException.unavailable("cannot read the log: " + e.getMessage(), e);
            }
        }
        boolean more = newestFirst.size() > query.limit();
        List<LogLine> page = new ArrayList<>(newestFirst.subList(0, Math.min(query.limit(), newestFirst.size())));
        Collections.reverse(page);
        // oldestSeq is the extra line's: the next page reads it and everything older
        return new LogPage(page, more ? Optional.of(cursor(oldestSeq + 1)) : Optional.empty());
    }

    static String cursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    static long parseCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                long seq = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: refused below
        }
        throw ProviderException.invalid("cursor", "cursor is not one this server handed out");
    }

    private record Filter(long since, long until, Optional<String> process, Optional<String> text) {
        boolean matches(LogLine line) {
            long ts = LogRecords.epochNanos(line.ts());
            if (ts < since || ts >= until) {
                return false;
            }
            if (process.isPresent() && !process.get().equals(line.process())) {
                return false;
            }
            return text.isEmpty() || line.message().toLowerCase(Locale.ROOT).contains(text.get());
        }
    }
}
