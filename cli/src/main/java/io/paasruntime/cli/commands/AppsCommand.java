package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.output.Table;
import io.paasruntime.cli.output.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "apps", description = "List your apps.")
public final class AppsCommand extends ApiCommand {
    @Option(names = "--deleted", description = "List deleted apps that can still be restored")
    boolean deleted;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        List<JsonNode> apps = ListPages.all(ctx().api(), cursor -> ApiPath.of("v1", "apps")
                .query("limit", 200).query("deleted", deleted ? "true" : null).query("cursor", cursor));
        if (json.json) {
            printJson(ListPages.asDocument(apps));
            return 0;
        }
        if (apps.isEmpty()) {
            out().println(deleted ? "No deleted apps to restore."
                    : "You have no apps yet. Create one with: paas apps:create NAME");
            return 0;
        }
        Table table = deleted ? new Table("NAME", "ID", "DELETED") : new Table("NAME", "RELEASE", "STATUS", "WEB URL", "CREATED");
        for (JsonNode app : apps) {
            if (deleted) {
                table.row(app.get("name").text(), app.get("id").text(), Times.local(app.get("deleted_at").text()));
            } else {
                JsonNode release = app.get("current_release");
                table.row(app.get("name").text(),
                        release.isNull() ? "-" : "v" + release.get("version").text(),
                        release.isNull() ? "-" : release.get("status").text(),
                        app.get("web_url").text("-"),
                        Times.local(app.get("created_at").text()));
            }
        }
        out().print(table.render());
        return 0;
    }
}
