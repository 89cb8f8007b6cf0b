package io.paasruntime.cli;

import io.paasruntime.cli.commands.AddonsCommand;
import io.paasruntime.cli.commands.AddonsCreateCommand;
import io.paasruntime.cli.commands.AddonsDestroyCommand;
import io.paasruntime.cli.commands.AppsCommand;
import io.paasruntime.cli.commands.AppsCreateCommand;
import io.paasruntime.cli.commands.AppsDestroyCommand;
import io.paasruntime.cli.commands.AppsInfoCommand;
import io.paasruntime.cli.commands.AppsRenameCommand;
import io.paasruntime.cli.commands.AppsRestoreCommand;
import io.paasruntime.cli.commands.CompletionCommand;
import io.paasruntime.cli.commands.ConfigCommand;
import io.paasruntime.cli.commands.ConfigSetCommand;
import io.paasruntime.cli.commands.ConfigUnsetCommand;
import io.paasruntime.cli.commands.DeployCommand;
import io.paasruntime.cli.commands.LoginCommand;
import io.paasruntime.cli.commands.LogoutCommand;
import io.paasruntime.cli.commands.LogsCommand;
import io.paasruntime.cli.commands.MetricsCommand;
import io.paasruntime.cli.commands.PsCommand;
import io.paasruntime.cli.commands.PsScaleCommand;
import io.paasruntime.cli.commands.ReleasesCommand;
import io.paasruntime.cli.commands.RestartCommand;
import io.paasruntime.cli.commands.RollbackCommand;
import io.paasruntime.cli.commands.SignupCommand;
import io.paasruntime.cli.commands.WhoamiCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code paas} command: global options and the list of subcommands. */
@Command(name = "paas",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = PaasCommand.VersionProvider.class,
        description = "The PaaS Runtime command line: apps, deploys, processes, config, logs, metrics and add-ons over the /v1 API.",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Environment: PAAS_API_URL (server, default " + CliContext.DEFAULT_API + "), "
                + "PAAS_TOKEN (overrides the stored token), XDG_CONFIG_HOME / HOME (where credentials live).",
                "Exit codes: 0 ok, 1 failure, 2 usage error. Docs: docs/cli.md"},
        subcommands = {
                CommandLine.HelpCommand.class,
                SignupCommand.class, LoginCommand.class, LogoutCommand.class, WhoamiCommand.class,
                AppsCommand.class, AppsCreateCommand.class, AppsInfoCommand.class, AppsRenameCommand.class,
                AppsDestroyCommand.class, AppsRestoreCommand.class,
                DeployCommand.class, ReleasesCommand.class, RollbackCommand.class,
                PsCommand.class, PsScaleCommand.class, RestartCommand.class,
                ConfigCommand.class, ConfigSetCommand.class, ConfigUnsetCommand.class,
                LogsCommand.class, MetricsCommand.class,
                AddonsCommand.class, AddonsCreateCommand.class, AddonsDestroyCommand.class,
                CompletionCommand.class})
public final class PaasCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--api", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "API base URL (default: $PAAS_API_URL, else the server you logged in to, else " + CliContext.DEFAULT_API + ")")
    void api(String url) {
        context.apiOption(url);
    }

    public PaasCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    /** Reads the version the build wrote. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"paas " + Version.current()};
        }
    }
}
