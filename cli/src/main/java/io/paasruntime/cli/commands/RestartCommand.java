package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restart", description = "Rolling restart of all of an app's processes, or of one process type.")
public final class RestartCommand extends ApiCommand {
    @Parameters(arity = "0..1", paramLabel = "TYPE", description = "Only this process type, e.g. web")
    String type;

    @Mixin
    AppOption appOption;

    @Override
    public Integer call() {
        String app = app(appOption);
        ctx().api().post(ApiPath.of("v1", "apps", app, "restart").query("type", type), null);
        out().println("Restarting " + (type == null ? "all processes" : type + " processes") + " of " + app);
        return 0;
    }
}
