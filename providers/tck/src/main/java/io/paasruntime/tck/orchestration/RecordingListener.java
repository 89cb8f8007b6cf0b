package io.paasruntime.tck.orchestration;

import io.paasruntime.spi.orchestration.ReleaseListener;
import io.paasruntime.spi.store.ReleaseStatus;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ReleaseListener} that keeps every report, in order, for assertions. Thread-safe. */
public final class RecordingListener implements ReleaseListener {

    /** One report. */
    public record Report(UUID releaseId, ReleaseStatus status, Optional<String> reason) {
    }

    private final List<Report> reports = new CopyOnWriteArrayList<>();

    @Override
    public void onStatus(UUID releaseId, ReleaseStatus status, Optional<String> reason) {
        reports.add(new Report(releaseId, status, reason));
    }

    /** The statuses reported for {@code releaseId}, in order. */
    public List<ReleaseStatus> statuses(UUID releaseId) {
        return reports.stream().filter(r -> r.releaseId().equals(releaseId)).map(Report::status).toList();
    }

    /** The last report for {@code releaseId}, if any. */
    public Optional<Report> last(UUID releaseId) {
        return reports.stream().filter(r -> r.releaseId().equals(releaseId)).reduce((a, b) -> b);
    }
}
