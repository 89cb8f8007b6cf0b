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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every subcommand by name, in help order. Picocli builds a command's model by reflection when
 * it is registered; registering only the command being run keeps start-up short (help, shell
 * completion and unknown commands get them all).
 */
final class CommandIndex {
    static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("help", CommandLine.HelpCommand::new);
        ALL.put("signup", SignupCommand::new);
        ALL.put("login", LoginCommand::new);
        ALL.put("logout", LogoutCommand::new);
        ALL.put("whoami", WhoamiCommand::new);
        ALL.put("apps", AppsCommand::new);
        ALL.put("apps:create", AppsCreateCommand::new);
        ALL.put("apps:info", AppsInfoCommand::new);
        ALL.put("apps:rename", AppsRenameCommand::new);
        ALL.put("apps:destroy", AppsDestroyCommand::new);
        ALL.put("apps:restore", AppsRestoreCommand::new);
        ALL.put("deploy", DeployCommand::new);
        ALL.put("releases", ReleasesCommand::new);
        ALL.put("rollback", RollbackCommand::new);
        ALL.put("ps", PsCommand::new);
        ALL.put("ps:scale", PsScaleCommand::new);
        ALL.put("restart", RestartCommand::new);
        ALL.put("config", ConfigCommand::new);
        ALL.put("config:set", ConfigSetCommand::new);
        ALL.put("config:unset", ConfigUnsetCommand::new);
        ALL.put("logs", LogsCommand::new);
        ALL.put("metrics", MetricsCommand::new);
        ALL.put("addons", AddonsCommand::new);
        ALL.put("addons:create", AddonsCreateCommand::new);
        ALL.put("addons:destroy", AddonsDestroyCommand::new);
        ALL.put("completion", CompletionCommand::new);
    }

    private CommandIndex() {
    }

    /** Registers the command {@code args} names, or all of them when that is not one plain command. */
    static void register(CommandLine root, String[] args) {
        String name = commandName(args);
        boolean single = name != null && ALL.containsKey(name) && !name.equals("help") && !name.equals("completion");
        if (single) {
            root.addSubcommand(name, ALL.get(name).get());
            return;
        }
        ALL.forEach((n, command) -> root.addSubcommand(n, command.get()));
    }

    /** The first argument that is neither a global option nor its value. */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--api")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }
}
