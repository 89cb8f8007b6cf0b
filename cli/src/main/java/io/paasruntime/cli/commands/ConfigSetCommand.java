package io.paasruntime.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "config:set", description = {
        "Set config vars; a new release rolls out with them.",
        "Values may contain '=': everything after the first '=' is the value."})
public final class ConfigSetCommand extends ApiCommand {
    @Parameters(arity = "1..*", paramLabel = "KEY=VALUE", description = "Config vars to set")
    List<String> assignments;

    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Map<String, String> vars;
        try {
            vars = Assignments.parse(assignments, Assignments.CONFIG_KEY, "KEY");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String app = app(appOption);
        ConfigChange.Result result = new ConfigChange(ctx().api(), app).apply(new LinkedHashMap<>(vars), "Set");
        if (json.json) {
            printJson(result.config());
        } else {
            out().println(result.message());
        }
        return 0;
    }
}
