package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.output.Table;
import io.paasruntime.cli.output.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "addons", description = "List the add-ons (databases) attached to an app.")
public final class AddonsCommand extends ApiCommand {
    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        String app = app(appOption);
        JsonNode answer = ctx().api().get(ApiPath.of("v1", "apps", app, "addons"));
        if (json.json) {
            printJson(answer);
            return 0;
        }
        List<JsonNode> addons = ListPages.items(answer);
        if (addons.isEmpty()) {
            out().println(app + " has no add-ons. Add a database with: paas addons:create database");
            return 0;
        }
        Table table = new Table("ID", "NAME", "KIND", "PLAN", "STATUS", "CONFIG VAR", "CREATED");
        for (JsonNode a : addons) {
            table.row(a.get("id").text(), a.get("name").text(), a.get("kind").text(), a.get("plan").text("-"),
                    a.get("status").text(), a.get("config_var").text(), Times.local(a.get("created_at").text()));
        }
        out().print(table.render());
        return 0;
    }
}
