package io.paasruntime.tck.telemetry;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.AppRef;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogPage;
import io.paasruntime.spi.telemetry.LogQuery;
import io.paasruntime.spi.telemetry.LogSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link LogSource} does: the newest lines oldest first with their fields intact
 * (timestamps to the nanosecond), cursors that page back without gaps or repeats, filters on
 * process, text (case-insensitive substring) and time ({@code since} inclusive, {@code until}
 * exclusive), apps kept apart, and {@code follow} delivering new matching lines until closed, even
 * after the sink refused some.
 *
 * <p>A subclass supplies the source and a way to make a line appear for an app, as the app's
 * process or the runtime would have produced it.
 */
public abstract class LogSourceContractTest {

    /** A new source; closed after each test. */
    protected abstract LogSource newSource();

    /** Makes {@code line} part of {@code app}'s log, as if an instance had written it just now. */
    protected abstract void emit(AppRef app, LogLine line);

    /** How long a followed line may take to arrive. */
    protected Duration followTimeout() {
        return Duration.ofSeconds(5);
    }

    protected LogSource source;
    private final AppRef app = newApp("contract");
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60).plusNanos(123_456);

    @BeforeEach
    void openSource() {
        source = newSource();
    }

    @AfterEach
    void closeSource() throws Exception {
        source.close();
    }

    @Test
    void answersTheNewestLinesOldestFirstWithEveryField() {
        for (int i = 0; i < 5; i++) {
            emit(app, line(i, "web", "web.1", "stdout", "request " + i));
        }

        LogPage page = source.query(app, query(3));

        assertThat(page.lines()).containsExactly(
                line(2, "web", "web.1", "stdout", "request 2"),
                line(3, "web", "web.1", "stdout", "request 3"),
                line(4, "web", "web.1", "stdout", "request 4"));
        assertThat(page.nextCursor()).isPresent();
    }

    @Test
    void cursorsPageBackThroughEveryLineOnce() {
        for (int i = 0; i < 25; i++) {
            emit(app, line(i, i % 2 == 0 ? "web" : "worker", i % 2 == 0 ? "web.1" : "worker.1", "stdout", "line " + i));
        }
        List<String> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            LogPage page = source.query(app, new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 10, cursor));
            List<String> older = new ArrayList<>(page.lines().stream().map(LogLine::message).toList());
            older.addAll(all);
            all = older;
            cursor = page.nextCursor();
            assertThat(++pages).as("pages").isLessThanOrEqualTo(4);
        } while (cursor.isPresent());

        assertThat(all).hasSize(25).doesNotHaveDuplicates();
        assertThat(all.getFirst()).isEqualTo("line 0");
        assertThat(all.getLast()).isEqualTo("line 24");
    }

    @Test
    void filtersOnProcessAndTextCaseInsensitively() {
        emit(app, line(0, "web", "web.1", "stdout", "GET /hello 200"));
        emit(app, line(1, "worker", "worker.1", "stdout", "get /hello from a worker"));
        emit(app, line(2, "web", "web.1", "stderr", "Traceback: boom"));
        emit(app, line(3, "web", "web.2", "stdout", "GET /other 200"));

        LogPage web = source.query(app, new LogQuery(Optional.empty(), Optional.empty(), Optional.of("web"),
                Optional.of("get /HELLO"), 100, Optional.empty()));
        LogPage errors = source.query(app, new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("traceback"), 100, Optional.empty()));

        assertThat(web.lines()).extracting(LogLine::message).containsExactly("GET /hello 200");
        assertThat(web.nextCursor()).isEmpty();
        assertThat(errors.lines()).containsExactly(line(2, "web", "web.1", "stderr", "Traceback: boom"));
    }

    @Test
    void filtersOnTimeSinceInclusiveUntilExclusive() {
        for (int i = 0; i < 10; i++) {
            emit(app, line(i, "web", "web.1", "stdout", "line " + i));
        }

        LogPage page = source.query(app, new LogQuery(Optional.of(at(3)), Optional.of(at(6)), Optional.empty(),
                Optional.empty(), 100, Optional.empty()));

        assertThat(page.lines()).extracting(LogLine::message).containsExactly("line 3", "line 4", "line 5");
    }

    @Test
    void keepsAppsApart() {
        AppRef other = newApp("other");
        emit(app, line(0, "web", "web.1", "stdout", "mine"));
        emit(other, line(1, "web", "web.1", "stdout", "theirs"));

        assertThat(source.query(app, query(10)).lines()).extracting(LogLine::message).containsExactly("mine");
        assertThat(source.query(newApp("empty"), query(10)).lines()).isEmpty();
        assertThat(source.query(newApp("empty"), query(10)).nextCursor()).isEmpty();
    }

    @Test
    void refusesACursorItDidNotHandOutAsInvalid() {
        emit(app, line(0, "web", "web.1", "stdout", "a"));

        assertThatThrownBy(() -> source.query(app, new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 10, Optional.of("not-a-cursor!"))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
                    assertThat(e.field()).contains("cursor");
                });
    }

    @Test
    void followDeliversNewMatchingLinesUntilClosed() throws Exception {
        RecordingSink sink = new RecordingSink();
        AutoCloseable subscription = source.follow(app, filter("web", null), sink);
        emit(app, freshLine("worker", "worker.1", "worker tick"));
        emit(app, freshLine("web", "web.1", "GET / 200"));

        LogLine got = sink.await(l -> l.message().equals("GET / 200"), followTimeout(), "the web line");
        assertThat(got.process()).isEqualTo("web");
        assertThat(got.instance()).isEqualTo("web.1");
        subscription.close();

        emit(app, freshLine("web", "web.1", "after close"));
        RecordingSink second = new RecordingSink();
        try (AutoCloseable again = source.follow(app, filter("web", null), second)) {
            emit(app, freshLine("web", "web.1", "for the second"));
            second.await(l -> l.message().equals("for the second"), followTimeout(), "the second subscriber's line");
        }
        assertThat(sink.lines()).extracting(LogLine::message).containsExactly("GET / 200");
    }

    @Test
    void followKeepsDeliveringAfterTheSinkRefusedLines() throws Exception {
        RecordingSink sink = new RecordingSink().refusing(2);
        try (AutoCloseable subscription = source.follow(app, filter(null, "tick"), sink)) {
            emit(app, freshLine("worker", "worker.1", "tick 1"));
            emit(app, freshLine("worker", "worker.1", "tick 2"));
            emit(app, freshLine("worker", "worker.1", "tick 3"));

            sink.await(l -> l.message().equals("tick 3"), followTimeout(), "the line after the refused ones");
        }
        assertThat(sink.lines()).extracting(LogLine::message).doesNotContain("tick 1", "tick 2");
    }

    protected static AppRef newApp(String name) {
        return new AppRef(UUID.randomUUID(), UUID.randomUUID(), name);
    }

    /** A line {@code i} milliseconds after the test's start time (nanoseconds kept). */
    protected LogLine line(int i, String process, String instance, String stream, String message) {
        return new LogLine(at(i), process, instance, stream, message);
    }

    private Instant at(int i) {
        return t0.plusMillis(i);
    }

    private LogLine freshLine(String process, String instance, String message) {
        return new LogLine(Instant.now(), process, instance, "stdout", message);
    }

    private static LogQuery query(int limit) {
        return new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit, Optional.empty());
    }

    private static LogQuery filter(String process, String text) {
        return new LogQuery(Optional.empty(), Optional.empty(), Optional.ofNullable(process), Optional.ofNullable(text), 1,
                Optional.empty());
    }
}
