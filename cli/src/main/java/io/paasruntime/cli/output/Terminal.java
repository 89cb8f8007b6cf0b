package io.paasruntime.cli.output;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the CLI talks to a person at a terminal (progress bars, prompts) or to a pipe. */
public final class Terminal {
    private Terminal() {
    }

    /**
     * True when standard input and output are a terminal. Java 22+ may hand out a Console even
     * when redirected and added {@code Console.isTerminal()}; it is called reflectively because
     * the CLI is compiled for Java 21.
     */
    public static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException notJava22) {
            return true;
        }
    }
}
