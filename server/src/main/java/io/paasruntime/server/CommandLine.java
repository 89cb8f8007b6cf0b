package io.paasruntime.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The server's flags. Both {@code --port 8080} and {@code --port=8080} work.
 *
 * @param config the config file: {@code --config}, else {@code config/runtime.yaml} when it exists
 */
record CommandLine(String host, int port, Path dataDir, Optional<Path> config, Optional<Path> providersDir,
                   boolean help) {
    static final String USAGE = """
            usage: paas-runtime [--port N] [--host ADDRESS] [--data-dir DIR] [--config FILE] [--providers-dir DIR]
              --port N             HTTP port (default 8080; 0 picks a free port)
              --host ADDRESS       address to listen on (default 127.0.0.1)
              --data-dir DIR       where state, artifacts and the embedded PostgreSQL live (default ./data)
              --config FILE        YAML config (default config/runtime.yaml when it exists)
              --providers-dir DIR  extra provider jars (default <data-dir>/providers)""";

    /** A flag the server does not know, or a bad value; the message is shown above the usage. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static CommandLine parse(String[] args) throws UsageException {
        String host = "127.0.0.1";
        int port = 8080;
        Path dataDir = Path.of("data");
        Optional<Path> config = Optional.empty();
        Optional<Path> providersDir = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new CommandLine(host, port, dataDir, config, providersDir, true);
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!name.equals("--port") && !name.equals("--host") && !name.equals("--data-dir")
                    && !name.equals("--config") && !name.equals("--providers-dir")) {
                throw new UsageException("unknown option: " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            if (value.isBlank()) {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--port" -> port = parsePort(value);
                case "--host" -> host = value;
                case "--data-dir" -> dataDir = Path.of(value);
                case "--config" -> config = Optional.of(Path.of(value));
                default -> providersDir = Optional.of(Path.of(value));
            }
        }
        if (config.isEmpty() && Files.isRegularFile(Path.of("config", "runtime.yaml"))) {
            config = Optional.of(Path.of("config", "runtime.yaml"));
        }
        return new CommandLine(host, port, dataDir, config, providersDir, false);
    }

    private static int parsePort(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port must be a number from 0 to 65535, not '" + value + "'");
    }
}
