package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.output.Table;
import io.paasruntime.cli.output.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Instant;
import java.util.List;

@Command(name = "ps", description = "Show an app's process types and their running instances.")
public final class PsCommand extends ApiCommand {
    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        String app = app(appOption);
        JsonNode answer = ctx().api().get(ApiPath.of("v1", "apps", app, "processes"));
        if (json.json) {
            printJson(answer);
            return 0;
        }
        List<JsonNode> types = answer.get("types").elements();
        if (types.isEmpty()) {
            out().println(app + " has no processes. Deploy a release first: paas deploy");
            return 0;
        }
        Instant now = Instant.now();
        boolean first = true;
        for (JsonNode type : types) {
            if (!first) {
                out().println();
            }
            first = false;
            String size = type.get("size").text();
            out().println("=== " + type.get("type").text() + " (" + type.get("replicas").text("0")
                    + (size.isEmpty() ? "" : " × " + size) + "): " + type.get("command").text());
            List<JsonNode> instances = type.get("instances").elements();
            if (instances.isEmpty()) {
                out().println("no instances running");
                continue;
            }
            Table table = new Table("ID", "STATE", "STARTED", "RESTARTS", "PORT");
            for (JsonNode i : instances) {
                table.row(i.get("id").text(), i.get("state").text(),
                        i.get("started_at").isNull() ? "-" : Times.ago(i.get("started_at").text(), now),
                        i.get("restarts").text("0"), i.get("port").text("-"));
            }
            out().print(table.render());
        }
        return 0;
    }
}
