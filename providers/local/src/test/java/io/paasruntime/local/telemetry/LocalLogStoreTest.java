package io.paasruntime.local.telemetry;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.telemetry.LogLine;
import io.paasruntime.spi.telemetry.LogPage;
import io.paasruntime.spi.telemetry.LogQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalLogStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00.123456789Z");

    @TempDir
    Path root;
    private final UUID app = UUID.randomUUID();

    @Test
    void keepsLinesWithNanosecondTimestampsAndAnswersTheNewestOldestFirst() {
        LocalLogStore store = LocalLogStore.open(root);
        for (int i = 0; i < 10; i++) {
            store.append(app, line(i, i % 2 == 0 ? "web" : "worker", "line " + i));
        }

        LogPage page = store.query(app, query(3));

        assertThat(page.lines()).extracting(LogLine::message).containsExactly("line 7", "line 8", "line 9");
        assertThat(page.lines().getFirst().ts()).isEqualTo(T0.plusNanos(7));
        assertThat(page.lines().getFirst()).isEqualTo(new LogLine(T0.plusNanos(7), "worker", "worker.1", "stdout", "line 7"));
        assertThat(page.nextCursor()).isPresent();
        assertThat(store.query(UUID.randomUUID(), query(3)).lines()).isEmpty();
    }

    @Test
    void cursorsPageBackThroughEveryLineOnceAcrossSegments() {
        LocalLogStore store = LocalLogStore.open(root);
        store.retention(new LogRetention(80, 1 << 20)); // segments of 10 lines
        for (int i = 0; i < 50; i++) {
            store.append(app, line(i, "web", "line " + i));
        }
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            LogPage page = store.query(app, new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 7, cursor));
            List<String> older = new ArrayList<>(page.lines().stream().map(LogLine::message).toList());
            older.addAll(seen);
            seen = older;
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(seen).hasSize(50).first().isEqualTo("line 0");
        assertThat(seen).last().isEqualTo("line 49");
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void filtersByProcessTextCaseInsensitivelyAndTimeWindow() {
        LocalLogStore store = LocalLogStore.open(root);
        for (int i = 0; i < 20; i++) {
            store.append(app, line(i, i < 10 ? "web" : "worker", (i % 3 == 0 ? "GET /Hello " : "tick ") + i));
        }

        assertThat(messages(store, new LogQuery(Optional.empty(), Optional.empty(), Optional.of("worker"), Optional.of("get /hello"), 100, Optional.empty())))
                .containsExactly("GET /Hello 12", "GET /Hello 15", "GET /Hello 18");
        assertThat(messages(store, new LogQuery(Optional.of(T0.plusNanos(5)), Optional.of(T0.plusNanos(8)), Optional.empty(), Optional.empty(), 100, Optional.empty())))
                .containsExactly("tick 5", "GET /Hello 6", "tick 7");
    }

    @Test
    void retentionDropsTheOldestLinesAndDeletesEmptySegments() throws IOException {
        LocalLogStore store = LocalLogStore.open(root);
        store.retention(new LogRetention(16, 1 << 20)); // segments of 2 lines
        for (int i = 0; i < 100; i++) {
            store.append(app, line(i, "web", "line " + i));
        }

        assertThat(store.retainedLines(app)).isEqualTo(16);
        assertThat(messages(store, query(1000))).hasSize(16).first().isEqualTo("line 84");
        assertThat(segmentFiles()).hasSizeBetween(8, 9);
    }

    @Test
    void retentionByBytesKeepsTheRecordsUnderTheLimit() {
        LocalLogStore store = LocalLogStore.open(root);
        store.retention(new LogRetention(1_000_000, 4096));
        for (int i = 0; i < 1000; i++) {
            store.append(app, line(i, "web", "x".repeat(100)));
        }

        assertThat(store.retainedBytes(app)).isLessThanOrEqualTo(4096).isGreaterThan(4096 - 200);
        assertThat(store.retainedLines(app)).isBetween(20L, 40L);
        assertThat(store.query(app, query(1000)).lines()).hasSize((int) store.retainedLines(app));
    }

    @Test
    void linesSurviveARestartAndNewLinesFollowThem() {
        LocalLogStore first = LocalLogStore.open(root);
        first.retention(new LogRetention(40, 1 << 20));
        for (int i = 0; i < 30; i++) {
            first.append(app, line(i, "web", "line " + i));
        }
        first.close();

        LocalLogStore second = LocalLogStore.open(root);
        second.retention(new LogRetention(40, 1 << 20));
        assertThat(messages(second, query(1000))).hasSize(30).first().isEqualTo("line 0");
        for (int i = 30; i < 50; i++) {
            second.append(app, line(i, "web", "line " + i));
        }
        assertThat(messages(second, query(1000))).hasSize(40).startsWith("line 10").endsWith("line 49");
    }

    @Test
    void aTornRecordAtTheEndIsCutOffOnRestart() throws IOException {
        LocalLogStore first = LocalLogStore.open(root);
        for (int i = 0; i < 5; i++) {
            first.append(app, line(i, "web", "line " + i));
        }
        first.close();
        Path segment = segmentFiles().getLast();
        long whole = Files.size(segment);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(whole - 3); // the server died in the middle of writing line 4
        }

        LocalLogStore second = LocalLogStore.open(root);
        second.append(app, line(5, "web", "line 5"));

        assertThat(messages(second, query(100))).containsExactly("line 0", "line 1", "line 2", "line 3", "line 5");
        assertThat(messages(LocalLogStore.open(root), query(100))).containsExactly("line 0", "line 1", "line 2", "line 3", "line 5");
    }

    @Test
    void subscribersGetNewLinesInOrderUntilTheyLeave() throws Exception {
        LocalLogStore store = LocalLogStore.open(root);
        List<String> got = new ArrayList<>();
        AutoCloseable subscription = store.subscribe(app, l -> got.add(l.message()));
        store.append(app, line(0, "web", "a"));
        store.append(app, line(1, "web", "b"));
        subscription.close();
        store.append(app, line(2, "web", "c"));

        assertThat(got).containsExactly("a", "b");
    }

    @Test
    void aCursorThatWasNotHandedOutIsRefusedNamingTheField() {
        LocalLogStore store = LocalLogStore.open(root);
        store.append(app, line(0, "web", "a"));

        assertThatThrownBy(() -> store.query(app, new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10, Optional.of("garbage!"))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
                    assertThat(e.field()).contains("cursor");
                });
    }

    @Test
    void purgeDeletesTheAppsFiles() {
        LocalLogStore store = LocalLogStore.open(root);
        store.append(app, line(0, "web", "a"));
        store.purge(app);

        assertThat(root.resolve(app.toString())).doesNotExist();
        assertThat(store.query(app, query(10)).lines()).isEmpty();
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(app.toString()))) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
    }

    private List<String> messages(LocalLogStore store, LogQuery query) {
        return store.query(app, query).lines().stream().map(LogLine::message).toList();
    }

    static LogQuery query(int limit) {
        return new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit, Optional.empty());
    }

    private static LogLine line(int i, String process, String message) {
        return new LogLine(T0.plusNanos(i), process, process + ".1", "stdout", message);
    }
}
