package io.paasruntime.cli.commands;

import io.paasruntime.cli.CliContext;
import io.paasruntime.cli.CliException;
import io.paasruntime.cli.output.Terminal;

import java.io.Console;
import java.io.IOException;

/** Questions asked of the person at the terminal, with answers from standard input otherwise. */
final class Prompts {
    private Prompts() {
    }

    /** Asks for a line; without a terminal the prompt goes to stderr and the answer is read from stdin. */
    static String line(CliContext ctx, String prompt) {
        String answer;
        if (Terminal.isInteractive()) {
            answer = System.console().readLine("%s", prompt);
        } else {
            ctx.err().print(prompt);
            ctx.err().flush();
            answer = readStdinLine(ctx);
            ctx.err().println(); // the piped answer was not echoed: end the prompt's line
        }
        return answer == null ? "" : answer.trim();
    }

    /** Asks for a password without echo; refuses without a terminal (use --password-stdin). */
    static String password(CliContext ctx, String prompt) {
        if (!Terminal.isInteractive()) {
            throw new CliException("no terminal to ask for a password; pass it with --password-stdin", 2);
        }
        Console console = System.console();
        char[] pw = console.readPassword("%s", prompt);
        if (pw == null || pw.length == 0) {
            throw new CliException("no password given");
        }
        return new String(pw);
    }

    /** The first line of standard input, for {@code --password-stdin}. */
    static String passwordFromStdin(CliContext ctx) {
        String pw = readStdinLine(ctx);
        if (pw == null || pw.isEmpty()) {
            throw new CliException("--password-stdin: standard input held no password");
        }
        return pw;
    }

    private static String readStdinLine(CliContext ctx) {
        try {
            return ctx.in().readLine();
        } catch (IOException e) {
            throw new CliException("cannot read standard input: " + e.getMessage());
        }
    }
}
