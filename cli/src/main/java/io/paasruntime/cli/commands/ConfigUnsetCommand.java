package io.paasruntime.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "config:unset", description = "Remove config vars; a new release rolls out without them.")
public final class ConfigUnsetCommand extends ApiCommand {
    @Parameters(arity = "1..*", paramLabel = "KEY", description = "Config vars to remove")
    List<String> keys;

    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        List<String> names;
        try {
            names = Assignments.keys(keys, Assignments.CONFIG_KEY, "KEY");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String app = app(appOption);
        Map<String, Object> body = new LinkedHashMap<>();
        names.forEach(k -> body.put(k, null));
        ConfigChange.Result result = new ConfigChange(ctx().api(), app).apply(body, "Unset");
        if (json.json) {
            printJson(result.config());
        } else {
            out().println(result.message());
        }
        return 0;
    }
}
