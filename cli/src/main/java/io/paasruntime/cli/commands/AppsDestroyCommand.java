package io.paasruntime.cli.commands;

import io.paasruntime.cli.CliException;
import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apps:destroy", description = {
        "Delete an app: its processes stop; it can be restored for 30 days (paas apps:restore).",
        "Asks you to type the app's name unless --confirm names it."})
public final class AppsDestroyCommand extends ApiCommand {
    @Parameters(arity = "0..1", paramLabel = "APP", description = "App name or id (or use --app)")
    String appArgument;

    @Mixin
    AppOption appOption;

    @Option(names = "--confirm", paramLabel = "APP", description = "The app's name again, to skip the question")
    String confirm;

    @Override
    public Integer call() {
        String app = app(appArgument, appOption);
        ApiClient api = ctx().api();
        JsonNode found = api.get(ApiPath.of("v1", "apps", app));
        String name = found.get("name").text(app);
        String answer = confirm;
        if (answer == null) {
            err().println("This deletes " + name + " and stops its processes (restorable for 30 days).");
            answer = Prompts.line(ctx(), "To proceed, type the app's name (" + name + "): ");
        }
        if (!answer.equals(name) && !answer.equals(found.get("id").text())) {
            throw new CliException("confirmation '" + answer + "' does not match " + name + "; nothing was deleted");
        }
        api.delete(ApiPath.of("v1", "apps", found.get("id").text(app)));
        out().println("Destroyed " + name + "; restore it within 30 days with: paas apps:restore " + name);
        return 0;
    }
}
