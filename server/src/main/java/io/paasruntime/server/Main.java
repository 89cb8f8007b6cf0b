package io.paasruntime.server;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;

/** {@code paas-runtime}: starts the runtime with its providers and serves the {@code /v1} API. */
public final class Main {
    private static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(60);

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            System.err.println("paas-runtime: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (line.help()) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        configureLogging();
        PaasServer server;
        try {
            Map<String, String> settings = line.config().map(ConfigFile::load).orElse(Map.of());
            ServerOptions options = new ServerOptions(line.host(), line.port(), line.dataDir(), line.providersDir(),
                    settings, System.getenv(), Clock.systemUTC());
            server = PaasServer.start(options);
        } catch (RuntimeException e) {
            // start-up problems are the operator's to fix: one clear line, no stack trace
            System.err.println("paas-runtime: cannot start: " + describe(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeWithin(server, SHUTDOWN_DEADLINE), "paas-shutdown"));
        System.out.println("PaaS Runtime listening on " + server.baseUri());
        System.out.println("To log in: sign up with POST /v1/signup, then get a token with POST /v1/auth/login"
                + " (see README).");
        try {
            new CountDownLatch(1).await(); // the shutdown hook ends the process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the web server, then the runtime (app processes, store). A provider that hangs while
     * closing must not keep the process alive forever after SIGTERM, so a watchdog ends it.
     */
    private static void closeWithin(PaasServer server, Duration deadline) {
        Thread watchdog = Thread.ofPlatform().daemon().name("paas-shutdown-watchdog").start(() -> {
            try {
                Thread.sleep(deadline);
                System.err.println("paas-runtime: shutdown did not finish within " + deadline.toSeconds()
                        + "s; exiting anyway");
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                // shutdown finished in time
            }
        });
        System.out.println("PaaS Runtime stopping");
        long began = System.nanoTime();
        server.close();
        watchdog.interrupt();
        System.out.println("PaaS Runtime stopped in " + (System.nanoTime() - began) / 1_000_000 + " ms");
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replaceAll("[\\r\\n]+", " ");
    }

    /** One-line log records on stderr unless the operator passed their own logging config. */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream in = Main.class.getResourceAsStream("/paas-logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("paas-runtime: default logging config unreadable: " + e.getMessage());
        }
    }
}
