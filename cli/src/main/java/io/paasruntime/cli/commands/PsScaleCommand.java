package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.api.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "ps:scale", description = "Set how many instances of each process type run, e.g. paas ps:scale web=2 worker=0.")
public final class PsScaleCommand extends ApiCommand {
    @Parameters(arity = "1..*", paramLabel = "TYPE=N", description = "Process type and instance count")
    List<String> assignments;

    @Mixin
    AppOption appOption;

    @Override
    public Integer call() {
        Map<String, Integer> counts = parse();
        String app = app(appOption);
        ApiClient api = ctx().api();
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            api.patch(ApiPath.of("v1", "apps", app, "processes", e.getKey()), Map.of("replicas", e.getValue()));
            done.add(e.getKey() + "=" + e.getValue());
        }
        out().println("Scaled " + app + ": " + String.join(", ", done));
        return 0;
    }

    private Map<String, Integer> parse() {
        Map<String, String> raw;
        try {
            raw = Assignments.parse(assignments, Assignments.PROCESS_TYPE, "TYPE");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        raw.forEach((type, n) -> {
            try {
                int count = Integer.parseInt(n.trim());
                if (count < 0) {
                    throw new NumberFormatException();
                }
                counts.put(type, count);
            } catch (NumberFormatException ex) {
                throw new ParameterException(spec.commandLine(),
                        "'" + type + "=" + n + "': the count must be a whole number, 0 or more");
            }
        });
        return counts;
    }
}
