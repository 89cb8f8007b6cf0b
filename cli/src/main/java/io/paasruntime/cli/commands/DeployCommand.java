package io.paasruntime.cli.commands;

import io.paasruntime.cli.CliException;
import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.local.AppLink;
import io.paasruntime.cli.output.ProgressBar;
import io.paasruntime.cli.output.Sizes;
import io.paasruntime.cli.output.Terminal;
import io.paasruntime.cli.pack.SourcePacker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

@Command(name = "deploy", description = {
        "Deploy a directory (a tarball of it, with a Procfile at its root) or, on Kubernetes, a container image.",
        "Files matched by .paasignore (gitignore syntax) and .git are left out. Follows the new release until it "
                + "succeeds or fails (exit code 1), printing its status and log lines.",
        "The first deploy with --app writes a .paas file into the directory, so later deploys need no --app."})
public final class DeployCommand extends ApiCommand {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Directory to deploy (default: the current one)")
    Path dir;

    @Mixin
    AppOption appOption;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Deploy a container image instead of a directory")
    String image;

    @Option(names = "--process", paramLabel = "TYPE=COMMAND",
            description = "With --image: a process type and its command, e.g. --process web=\"./server\" (repeatable)")
    Map<String, String> processes = new LinkedHashMap<>();

    @Option(names = {"-m", "--description"}, paramLabel = "TEXT", description = "A note stored with the release")
    String description;

    @Option(names = "--no-wait", description = "Return once the release is created, without following it")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "10",
            description = "How long to follow the release before giving up (default: ${DEFAULT-VALUE})")
    int timeoutMinutes;

    @Override
    public Integer call() throws IOException {
        if (image != null) {
            if (dir != null) {
                throw new ParameterException(spec.commandLine(), "give either DIR or --image, not both");
            }
            return deployImage();
        }
        if (!processes.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--process goes with --image; a directory's Procfile names its processes");
        }
        return deployDirectory(dir != null ? ctx().cwd().resolve(dir).normalize() : ctx().cwd());
    }

    private int deployImage() {
        if (processes.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--image needs at least one --process TYPE=COMMAND, e.g. --process web=\"./server\"");
        }
        String app = app(appOption);
        Map<String, Object> procs = new LinkedHashMap<>();
        processes.forEach((type, command) -> procs.put(type, Map.of("command", command)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("image", image);
        body.put("processes", procs);
        if (description != null) {
            body.put("description", description);
        }
        ApiClient api = ctx().api();
        Instant started = Instant.now();
        JsonNode release = api.post(ApiPath.of("v1", "apps", app, "deploys"), body);
        return afterCreate(api, app, release, started);
    }

    private int deployDirectory(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new CliException(source + " is not a directory");
        }
        if (!Files.isRegularFile(source.resolve("Procfile"))) {
            throw new CliException(source + " has no Procfile; add one naming your process types, e.g. web: python3 app.py");
        }
        Optional<AppLink> link = AppLink.find(source).or(() -> ctx().appLink());
        String app = appOption.app != null ? appOption.app : link.map(AppLink::app).orElseGet(() -> app((String) null));
        ApiClient api = ctx().api();
        Path tarball = Files.createTempFile("paas-deploy-", ".tar.gz");
        tarball.toFile().deleteOnExit(); // also when Ctrl-C ends the upload, where finally does not run
        try {
            SourcePacker.Summary packed;
            try (OutputStream target = Files.newOutputStream(tarball)) {
                packed = new SourcePacker(warning -> err().println("warning: " + warning)).pack(source, target);
            }
            long size = Files.size(tarball);
            out().println("Packed " + source + ": " + packed.files() + (packed.files() == 1 ? " file, " : " files, ") + Sizes.human(packed.bytes())
                    + " (" + Sizes.human(size) + " compressed)");
            Instant started = Instant.now();
            JsonNode release = upload(api, app, tarball, size);
            if (appOption.app != null && AppLink.find(source).isEmpty()) {
                AppLink.write(source, app);
                out().println("Linked " + source + " to " + app + " (.paas): later commands there need no --app");
            }
            return afterCreate(api, app, release, started);
        } finally {
            Files.deleteIfExists(tarball);
        }
    }

    private JsonNode upload(ApiClient api, String app, Path tarball, long size) {
        ApiPath path = ApiPath.of("v1", "apps", app, "deploys").query("description", description);
        if (!Terminal.isInteractive()) {
            return api.upload(path, tarball, "application/gzip", sent -> { });
        }
        ProgressBar bar = new ProgressBar(err(), "Uploading", size);
        JsonNode release = api.upload(path, tarball, "application/gzip", bar::update);
        bar.finish();
        return release;
    }

    private int afterCreate(ApiClient api, String app, JsonNode release, Instant started) {
        String label = "v" + release.get("version").text();
        out().println("Created release " + label + " of " + app + " (" + release.get("status").text() + ")");
        if (noWait) {
            return 0;
        }
        ReleaseFollower follower = new ReleaseFollower(api, app, out(), Duration.ofMinutes(timeoutMinutes));
        follower.printIfLive(follower.follow(release, started.minusSeconds(1)));
        return 0;
    }
}
