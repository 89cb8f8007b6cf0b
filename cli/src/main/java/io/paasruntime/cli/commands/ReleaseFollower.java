package io.paasruntime.cli.commands;

import io.paasruntime.cli.CliException;
import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.api.ApiException;
import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Watches a release until it succeeds, fails or is superseded, printing each status change and
 * the app's new log lines meanwhile (Heroku's build output, for a PaaS that has no build).
 */
final class ReleaseFollower {
    private static final Duration POLL_EVERY = Duration.ofMillis(500);
    private static final int LOG_PAGE = 200;

    private final ApiClient api;
    private final String app;
    private final PrintStream out;
    private final Duration timeout;
    private final Set<String> seenLines = new HashSet<>();
    private boolean logsReadable = true;
    private String logsSince;

    ReleaseFollower(ApiClient api, String app, PrintStream out, Duration timeout) {
        this.api = api;
        this.app = app;
        this.out = out;
        this.timeout = timeout;
    }

    /** Follows until a final status; returns the release as last read. Throws on failure or timeout. */
    JsonNode follow(JsonNode release, Instant logsFrom) {
        String id = release.get("id").text();
        String label = "v" + release.get("version").text();
        String status = release.get("status").text();
        logsSince = logsFrom.toString();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            printNewLogLines();
            JsonNode current = api.get(ApiPath.of("v1", "apps", app, "deploys", id));
            String now = current.get("status").text();
            if (!now.equals(status)) {
                status = now;
                String reason = current.get("status_reason").text();
                out.println(label + " " + status + (reason.isEmpty() ? "" : ": " + reason));
            }
            switch (status) {
                case "succeeded", "superseded" -> {
                    printNewLogLines();
                    return current;
                }
                case "failed" -> {
                    printNewLogLines();
                    String reason = current.get("status_reason").text();
                    throw new CliException("release " + label + " of " + app + " failed"
                            + (reason.isEmpty() ? "" : ": " + reason) + "; " + whatServes(id));
                }
                default -> {
                    if (Instant.now().isAfter(deadline)) {
                        throw new CliException("release " + label + " is still " + status + " after "
                                + timeout.toMinutes() + " minutes; watch it with: paas releases -a " + app);
                    }
                    pause();
                }
            }
        }
    }

    /** Prints {@code vN is live at <web_url>} when {@code done} (as {@link #follow} returned it) succeeded. */
    void printIfLive(JsonNode done) {
        if ("succeeded".equals(done.get("status").text())) {
            String url = api.get(ApiPath.of("v1", "apps", app)).get("web_url").text();
            out.println("v" + done.get("version").text() + " is live" + (url.isEmpty() ? "" : " at " + url));
        }
    }

    /** What the app serves now that release {@code failedId} failed: its current release, if any. */
    private String whatServes(String failedId) {
        JsonNode current;
        try {
            current = api.get(ApiPath.of("v1", "apps", app)).get("current_release");
        } catch (ApiException e) {
            return "see paas releases -a " + app;
        }
        if (current.isNull() || current.get("id").text().equals(failedId)) {
            return "nothing of " + app + " is serving";
        }
        return "v" + current.get("version").text() + " keeps serving";
    }

    private void printNewLogLines() {
        if (!logsReadable) {
            return;
        }
        JsonNode page;
        try {
            page = api.get(ApiPath.of("v1", "apps", app, "logs").query("since", logsSince).query("limit", LOG_PAGE));
        } catch (ApiException e) {
            logsReadable = false; // logs are a nicety here; the release status is what counts
            return;
        }
        for (JsonNode line : page.get("lines").elements()) {
            if (seenLines.add(LogFormat.key(line))) {
                out.println("  " + LogFormat.line(line));
                logsSince = line.get("ts").text(logsSince);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_EVERY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }
}
