package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.local.AppLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

@Command(name = "apps:rename", description = "Rename an app (a .paas file naming it is updated too).")
public final class AppsRenameCommand extends ApiCommand {
    @Parameters(paramLabel = "NEWNAME", description = "The new name")
    String newName;

    @Mixin
    AppOption appOption;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        String app = app(appOption);
        JsonNode renamed = ctx().api().patch(ApiPath.of("v1", "apps", app), Map.of("name", newName));
        String name = renamed.get("name").text(newName);
        Optional<AppLink> link = ctx().appLink();
        if (link.isPresent() && link.get().app().equals(app)) {
            Path dir = link.get().file().getParent();
            AppLink.write(dir, name);
        }
        if (json.json) {
            printJson(renamed);
        } else {
            out().println("Renamed " + app + " to " + name);
        }
        return 0;
    }
}
