package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.local.AppLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

@Command(name = "apps:create", description = {
        "Create an app.",
        "Run inside an app's source directory (one with a Procfile or .git), it also writes a .paas file there, "
                + "so later commands in that directory need no --app."})
public final class AppsCreateCommand extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "A DNS label: lowercase letters, digits and '-'")
    String name;

    @Option(names = "--no-link", description = "Do not write a .paas file in the current directory")
    boolean noLink;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        JsonNode app = ctx().api().post(ApiPath.of("v1", "apps"), Map.of("name", name));
        if (json.json) {
            printJson(app);
        } else {
            out().println("Created app " + app.get("name").text(name) + " (" + app.get("id").text() + ")");
        }
        Path cwd = ctx().cwd();
        boolean sourceDir = Files.isRegularFile(cwd.resolve("Procfile")) || Files.exists(cwd.resolve(".git"));
        if (!noLink && sourceDir && !Files.exists(cwd.resolve(AppLink.FILE_NAME))) {
            AppLink.write(cwd, app.get("name").text(name));
            if (!json.json) {
                out().println("Linked " + cwd + " to " + app.get("name").text(name) + " (.paas)");
            }
        }
        return 0;
    }
}
