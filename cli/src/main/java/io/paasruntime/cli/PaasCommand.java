package io.paasruntime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code paas} command and its global options; {@link CommandIndex} holds the subcommands. */
@Command(name = "paas",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = PaasCommand.VersionProvider.class,
        description = "The PaaS Runtime command line: apps, deploys, processes, config, logs, metrics and add-ons over the /v1 API.",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Environment: PAAS_API_URL (server, default " + CliContext.DEFAULT_API + "), "
                + "PAAS_TOKEN (overrides the stored token), XDG_CONFIG_HOME / HOME (where credentials live).",
                "Exit codes: 0 ok, 1 failure, 2 usage error. Docs: docs/cli.md"})
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
