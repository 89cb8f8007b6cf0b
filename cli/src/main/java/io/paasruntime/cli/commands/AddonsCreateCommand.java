package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "addons:create", description = {
        "Provision an add-on for an app. The only kind is database: a PostgreSQL database whose URL is set as "
                + "DATABASE_URL (a new release rolls out)."})
public final class AddonsCreateCommand extends ApiCommand {
    @Parameters(paramLabel = "KIND", description = "database")
    String kind;

    @Mixin
    AppOption appOption;

    @Option(names = "--plan", paramLabel = "PLAN", description = "The plan, when the server offers several")
    String plan;

    @Option(names = "--name", paramLabel = "NAME", description = "A name for the add-on (default: chosen by the server)")
    String name;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (!kind.equals("database")) {
            throw new ParameterException(spec.commandLine(), "unknown add-on kind '" + kind + "'; the only kind is: database");
        }
        String app = app(appOption);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("app", app);
        if (plan != null) {
            body.put("plan", plan);
        }
        if (name != null) {
            body.put("name", name);
        }
        JsonNode addon = ctx().api().post(ApiPath.of("v1", "addons", "database"), body);
        if (json.json) {
            printJson(addon);
        } else {
            out().println("Created " + addon.get("name").text("database") + " (" + addon.get("id").text() + ") for " + app
                    + ", status " + addon.get("status").text() + "; " + addon.get("config_var").text("DATABASE_URL")
                    + " is set and a new release rolls out");
        }
        return 0;
    }
}
