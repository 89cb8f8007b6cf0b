package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "apps:restore", description = "Undo apps:destroy within 30 days (by name, or by id from paas apps --deleted).")
public final class AppsRestoreCommand extends ApiCommand {
    @Parameters(arity = "0..1", paramLabel = "APP", description = "App name or id (or use --app)")
    String appArgument;

    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        String app = app(appArgument, appOption);
        JsonNode restored = ctx().api().post(ApiPath.of("v1", "apps", app, "restore"), null);
        if (json.json) {
            printJson(restored);
        } else {
            out().println("Restored " + restored.get("name").text(app));
        }
        return 0;
    }
}
