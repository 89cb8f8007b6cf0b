package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonException;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.json.JsonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

@Command(name = "logs", description = "Show an app's recent log lines; --tail keeps streaming new ones until Ctrl-C.")
public final class LogsCommand extends ApiCommand {
    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Option(names = {"-t", "--tail"}, description = "Keep streaming new lines")
    boolean tail;

    @Option(names = {"-p", "--process"}, paramLabel = "TYPE", description = "Only lines of this process type, e.g. web")
    String process;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only lines newer than this: 30s, 15m, 2h, 1d or an ISO instant")
    String since;

    @Option(names = {"-n", "--num"}, paramLabel = "N", defaultValue = "100", description = "How many recent lines (default: ${DEFAULT-VALUE}, max 1000)")
    int num;

    @Override
    public Integer call() {
        if (num < 1 || num > 1000) {
            throw new ParameterException(spec.commandLine(), "--num must be between 1 and 1000");
        }
        String from = null;
        if (since != null) {
            from = SinceParser.parse(since, Instant.now()).map(Instant::toString).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "--since '" + since + "': expected 30s, 15m, 2h, 1d or an ISO instant"));
        }
        String app = app(appOption);
        ApiClient api = ctx().api();
        JsonNode page = api.get(ApiPath.of("v1", "apps", app, "logs")
                .query("since", from).query("process", process).query("limit", num));
        if (json.json && !tail) {
            printJson(page);
            return 0;
        }
        Set<String> seen = new HashSet<>();
        String last = from;
        for (JsonNode line : page.get("lines").elements()) {
            seen.add(LogFormat.key(line));
            print(line);
            last = line.get("ts").text(last);
        }
        if (tail) {
            out().flush();
            api.stream(ApiPath.of("v1", "apps", app, "logs").query("follow", "true")
                    .query("process", process).query("since", last), data -> {
                        JsonNode line;
                        try {
                            line = JsonNode.parse(data);
                        } catch (JsonException e) {
                            return; // a keep-alive or an event this CLI does not know
                        }
                        if (seen.add(LogFormat.key(line))) {
                            print(line);
                            out().flush();
                        }
                    });
        }
        return 0;
    }

    private void print(JsonNode line) {
        out().println(json.json ? JsonWriter.compact(line.raw()) : LogFormat.line(line));
    }
}
