package io.paasruntime.cli.commands;

import io.paasruntime.cli.CliException;
import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@Command(name = "rollback", description = {
        "Roll back to an earlier release: a new release copying its source and config.",
        "Without VERSION: the newest successful release before the current one."})
public final class RollbackCommand extends ApiCommand {
    @Parameters(arity = "0..1", paramLabel = "VERSION", description = "The release to roll back to: v3, 3 or its id")
    String version;

    @Mixin
    AppOption appOption;

    @Option(names = "--no-wait", description = "Return once the release is created, without following it")
    boolean noWait;

    @Override
    public Integer call() {
        String app = app(appOption);
        ApiClient api = ctx().api();
        String target = version != null ? version : previousRelease(api, app);
        Instant started = Instant.now();
        JsonNode release = api.post(ApiPath.of("v1", "apps", app, "deploys", target, "rollback"), null);
        String label = "v" + release.get("version").text();
        String to = release.get("rollback_of").isNull() ? target : "v" + release.get("rollback_of").text();
        out().println("Rolling back " + app + " to " + to + ": created release " + label
                + " (" + release.get("status").text() + ")");
        if (!noWait) {
            ReleaseFollower follower = new ReleaseFollower(api, app, out(), Duration.ofMinutes(10));
            follower.printIfLive(follower.follow(release, started.minusSeconds(1)));
        }
        return 0;
    }

    private static String previousRelease(ApiClient api, String app) {
        JsonNode page = api.get(ApiPath.of("v1", "apps", app, "deploys").query("limit", 200));
        List<JsonNode> releases = ListPages.items(page);
        Optional<JsonNode> current = releases.stream().filter(r -> r.get("current").asBoolean()).findFirst();
        if (current.isEmpty()) {
            throw new CliException(app + " has no current release to roll back from");
        }
        long currentVersion = current.get().get("version").asLong(0);
        return releases.stream()
                .filter(r -> r.get("version").asLong(0) < currentVersion)
                .filter(r -> List.of("succeeded", "superseded").contains(r.get("status").text()))
                .max(Comparator.comparingLong(r -> r.get("version").asLong(0)))
                .map(r -> "v" + r.get("version").text())
                .orElseThrow(() -> new CliException("v" + currentVersion + " is the first successful release of "
                        + app + "; there is nothing earlier to roll back to"));
    }
}
