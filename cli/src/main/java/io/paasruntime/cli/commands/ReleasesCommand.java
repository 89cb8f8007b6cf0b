package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.output.Table;
import io.paasruntime.cli.output.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Comparator;
import java.util.List;

@Command(name = "releases", description = "List an app's releases, newest first (* marks the current one).")
public final class ReleasesCommand extends ApiCommand {
    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Option(names = {"-n", "--num"}, paramLabel = "N", defaultValue = "20", description = "How many to show (default: ${DEFAULT-VALUE})")
    int num;

    @Override
    public Integer call() {
        String app = app(appOption);
        JsonNode page = ctx().api().get(ApiPath.of("v1", "apps", app, "deploys").query("limit", Math.max(1, Math.min(num, 200))));
        if (json.json) {
            printJson(page);
            return 0;
        }
        List<JsonNode> releases = ListPages.items(page);
        if (releases.isEmpty()) {
            out().println(app + " has no releases yet. Deploy one with: paas deploy");
            return 0;
        }
        Table table = new Table("", "VERSION", "STATUS", "DESCRIPTION", "BY", "CREATED");
        releases.stream()
                .sorted(Comparator.comparingLong((JsonNode r) -> r.get("version").asLong(0)).reversed())
                .forEach(r -> table.row(r.get("current").asBoolean() ? "*" : "", "v" + r.get("version").text(),
                        r.get("status").text(), describe(r), r.get("created_by").text(),
                        Times.local(r.get("created_at").text())));
        out().print(table.render());
        return 0;
    }

    /** The release's description, else what it came from. */
    static String describe(JsonNode r) {
        String d = r.get("description").text();
        if (!d.isEmpty()) {
            return d;
        }
        if (!r.get("rollback_of").isNull()) {
            return "Rollback to v" + r.get("rollback_of").text();
        }
        JsonNode source = r.get("source");
        String ref = source.get("ref").text();
        if (ref.length() > 24) {
            ref = ref.substring(0, 24) + "…";
        }
        return (source.get("kind").text("deploy") + " " + ref).trim();
    }
}
