package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.output.KeyValues;
import io.paasruntime.cli.output.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "apps:info", description = "Show an app's details.")
public final class AppsInfoCommand extends ApiCommand {
    @Parameters(arity = "0..1", paramLabel = "APP", description = "App name or id (or use --app)")
    String appArgument;

    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        String app = app(appArgument, appOption);
        JsonNode a = ctx().api().get(ApiPath.of("v1", "apps", app));
        if (json.json) {
            printJson(a);
            return 0;
        }
        JsonNode release = a.get("current_release");
        KeyValues kv = new KeyValues()
                .add("Name", a.get("name").text())
                .add("ID", a.get("id").text())
                .add("Region", a.get("region").text("-"))
                .add("Web URL", a.get("web_url").text("-"))
                .add("Release", release.isNull() ? "none yet (paas deploy)"
                        : "v" + release.get("version").text() + " (" + release.get("status").text() + ")")
                .add("Created", Times.local(a.get("created_at").text()))
                .add("Updated", Times.local(a.get("updated_at").text()));
        if (!a.get("deleted_at").isNull()) {
            kv.add("Deleted", Times.local(a.get("deleted_at").text()));
        }
        out().print(kv.render());
        return 0;
    }
}
