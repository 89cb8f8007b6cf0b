package io.paasruntime.cli.commands;

import io.paasruntime.cli.CliContext;
import io.paasruntime.cli.PaasCommand;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.json.JsonWriter;
import io.paasruntime.cli.local.AppLink;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What every {@code paas} subcommand shares: the context, output, and choosing the app. */
public abstract class ApiCommand implements Callable<Integer> {
    @ParentCommand
    PaasCommand root;

    @Spec
    CommandSpec spec;

    protected CliContext ctx() {
        return root.context();
    }

    protected PrintStream out() {
        return ctx().out();
    }

    protected PrintStream err() {
        return ctx().err();
    }

    protected void printJson(JsonNode node) {
        out().println(JsonWriter.pretty(node.raw()));
    }

    /**
     * The app to act on: the given name, else the nearest {@code .paas} link; a usage error
     * (exit code 2) when neither exists.
     */
    protected String app(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        Optional<AppLink> link = ctx().appLink();
        if (link.isPresent()) {
            return link.get().app();
        }
        throw new ParameterException(spec.commandLine(),
                "no app given: pass --app APP, or run inside a directory with a .paas file (written by paas deploy or paas apps:create)");
    }

    protected String app(AppOption option) {
        return app(option.app);
    }

    /** For commands that also take the app as their argument ({@code apps:info hello}). */
    protected String app(String argument, AppOption option) {
        return app(argument != null ? argument : option.app);
    }
}
