package io.paasruntime.store.jdbc.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded server's port. Add-on URLs handed to apps name it, so it must not change between
 * starts: a configured port wins, else the one kept in the port file, else a free one chosen now.
 * The port a server started on is written to the file.
 */
final class StablePort {
    private StablePort() {
    }

    static int resolve(Path portFile, Optional<Integer> configured) throws IOException {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (Files.exists(portFile)) {
            return parse(OwnerOnlyFile.read(portFile), portFile);
        }
        return freeLoopbackPort();
    }

    /** Keeps the port a server started on, so that later starts (even without the setting) use it again. */
    static void remember(Path portFile, int port) throws IOException {
        OwnerOnlyFile.write(portFile, port + "\n");
    }

    /** Whether nothing listens on {@code port} of the loopback address. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int parse(String text, Path portFile) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("the port file " + portFile + " does not hold a port number");
    }
}
