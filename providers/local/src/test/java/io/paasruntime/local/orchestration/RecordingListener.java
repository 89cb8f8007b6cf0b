package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.ReleaseListener;
import io.paasruntime.spi.store.ReleaseStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the statuses a release was reported with. */
final class RecordingListener implements ReleaseListener {
    record Report(ReleaseStatus status, Optional<String> reason) {
    }

    final List<Report> reports = new CopyOnWriteArrayList<>();

    @Override
    public void onStatus(UUID releaseId, ReleaseStatus status, Optional<String> reason) {
        reports.add(new Report(status, reason));
    }

    /** Waits for SUCCEEDED or FAILED and returns that report. */
    Report awaitOutcome(Duration timeout) {
        Poll.until(timeout, "the release succeeds or fails", () -> outcome().isPresent());
        return outcome().orElseThrow();
    }

    List<ReleaseStatus> statuses() {
        return reports.stream().map(Report::status).toList();
    }

    private Optional<Report> outcome() {
        return reports.stream().filter(r -> r.status() == ReleaseStatus.SUCCEEDED || r.status() == ReleaseStatus.FAILED).findFirst();
    }
}
