package io.paasruntime.cli;

import io.paasruntime.cli.api.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Entry point of {@code bin/paas}: one line per error, never a stack trace (unless PAAS_DEBUG=1). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        CliContext ctx = new CliContext(System.getenv(), Path.of("").toAbsolutePath(), out, err, in);
        int code = run(ctx, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line against {@code ctx} and returns the exit code. */
    public static int run(CliContext ctx, String... args) {
        CommandLine cl = commandLine(ctx, args);
        try {
            return cl.execute(args);
        } finally {
            ctx.closeClients();
        }
    }

    static CommandLine commandLine(CliContext ctx, String[] args) {
        CommandLine cl = new CommandLine(new PaasCommand(ctx));
        CommandIndex.register(cl, args);
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(new PrintWriter(ctx.err(), true));
        cl.setParameterExceptionHandler((ex, unused) -> usageError(ctx, ex));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ctx, ex));
        return cl;
    }

    private static int usageError(CliContext ctx, ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        String command = cl.getCommandSpec().qualifiedName();
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException u && cl.getParent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            String unknown = u.getUnmatched().get(0);
            message = "unknown command '" + unknown + "'" + suggestion(u.getSuggestions().stream()
                    .filter(s -> s.length() >= 2 && unknown.startsWith(s.substring(0, 2))).toList());
        } else if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message = message + suggestion(u.getSuggestions());
        }
        ctx.err().println("error: " + oneLine(message) + " (see '" + command + " --help')");
        return 2;
    }

    private static String suggestion(List<String> suggestions) {
        return suggestions.isEmpty() ? ""
                : "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(2, suggestions.size()))) + "?";
    }

    private static int failure(CliContext ctx, Exception ex) {
        if (ctx.env("PAAS_DEBUG").isPresent()) {
            ex.printStackTrace(ctx.err());
        }
        switch (ex) {
            case CliException c -> {
                ctx.err().println("error: " + oneLine(c.getMessage()));
                return c.exitCode();
            }
            case ApiException a -> {
                ctx.err().println("error: " + oneLine(a.describe()));
                return 1;
            }
            case UncheckedIOException io -> {
                ctx.err().println("error: " + oneLine(String.valueOf(io.getCause().getMessage())));
                return 1;
            }
            case java.io.IOException io -> {
                ctx.err().println("error: " + oneLine(io.getMessage() == null ? "input/output failure" : io.getMessage()));
                return 1;
            }
            default -> {
                ctx.err().println("error: internal error in paas: " + oneLine(String.valueOf(ex.getMessage()))
                        + " (run with PAAS_DEBUG=1 for details)");
                return 1;
            }
        }
    }

    private static String oneLine(String s) {
        return s.replace("\r", "").replace('\n', ' ').strip();
    }
}
