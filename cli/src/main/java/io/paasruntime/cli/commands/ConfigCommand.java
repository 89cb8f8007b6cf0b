package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.output.KeyValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "config", description = "Show an app's config vars.")
public final class ConfigCommand extends ApiCommand {
    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Option(names = "--shell", description = "Print KEY='value' lines a shell can source")
    boolean shell;

    @Override
    public Integer call() {
        String app = app(appOption);
        JsonNode vars = ctx().api().get(ApiPath.of("v1", "apps", app, "config"));
        if (json.json) {
            printJson(vars);
            return 0;
        }
        List<String> keys = vars.fieldNames().stream().sorted().toList();
        if (shell) {
            keys.forEach(k -> out().println(k + "='" + vars.get(k).text().replace("'", "'\\''") + "'"));
            return 0;
        }
        if (keys.isEmpty()) {
            out().println(app + " has no config vars. Set one with: paas config:set KEY=value");
            return 0;
        }
        out().println("=== " + app + " config vars");
        KeyValues kv = new KeyValues();
        keys.forEach(k -> kv.add(k, vars.get(k).text()));
        out().print(kv.render());
        return 0;
    }
}
