package io.paasruntime.local.orchestration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Who answers on a web instance's {@code PORT}. Its port was free when handed out, but any process
 * on the machine can bind it before the instance does (another tenant's app polling the range, or a
 * process one left behind): taking whatever accepts a connection there for the instance would send
 * the app's requests to that process. So a probe connects to {@code 127.0.0.1:<port>} and looks up,
 * in {@code /proc/net/tcp} and {@code tcp6}, the accepted end of that very connection: the kernel
 * gives it the uid of the socket that listened, which must be the app's.
 */
enum PortAnswer {
    /** Nothing accepted the connection. */
    NONE,
    /** A process of the expected uid accepted it (or no uid was expected). */
    APP,
    /** A process of another uid accepted it, or its uid could not be found. */
    OTHER;

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LOOPBACK_HEX = "0100007F"; // 127.0.0.1 as /proc/net/tcp writes it (and the end of ::ffff:127.0.0.1)

    /** Probes {@code port}; with {@code uid} empty any process that accepts counts as the app. */
    static PortAnswer probe(int port, OptionalInt uid, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            if (uid.isEmpty()) {
                return APP;
            }
            OptionalInt owner = acceptedBy(port, socket.getLocalPort());
            return owner.isPresent() && owner.getAsInt() == uid.getAsInt() ? APP : OTHER;
        } catch (IOException e) {
            return NONE;
        }
    }

    /** The uid of the server end of the connection from {@code 127.0.0.1:clientPort} to {@code port}. */
    static OptionalInt acceptedBy(int port, int clientPort) throws IOException {
        String local = String.format(Locale.ROOT, "%s:%04X", LOOPBACK_HEX, port);
        String remote = String.format(Locale.ROOT, "%s:%04X", LOOPBACK_HEX, clientPort);
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            for (String line : Files.readAllLines(table)) {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
                String[] f = line.strip().split("\\s+");
                if (f.length > 7 && f[1].toUpperCase(Locale.ROOT).endsWith(local) && f[2].toUpperCase(Locale.ROOT).endsWith(remote)) {
                    try {
                        return OptionalInt.of(Integer.parseInt(f[7]));
                    } catch (NumberFormatException e) {
                        return OptionalInt.empty();
                    }
                }
            }
        }
        return OptionalInt.empty();
    }
}
