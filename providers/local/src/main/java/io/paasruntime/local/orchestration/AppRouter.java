package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.ServedRequests;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The listener behind one app's {@code web_url}: {@code 127.0.0.1:<port>}, one virtual thread per
 * client connection, each request forwarded to a member of the app's {@link BackendPool} by
 * {@link ProxiedConnection}, every answer counted in the app's {@link ServedRequests}. Thread-safe.
 */
final class AppRouter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AppRouter.class.getName());

    private final String appName;
    private final int port;
    private final BackendPool pool;
    private final ServedRequests served;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    AppRouter(String appName, int port, BackendPool pool, ServedRequests served) {
        this.appName = appName;
        this.port = port;
        this.pool = pool;
        this.served = served;
    }

    int port() {
        return port;
    }

    /** Binds the port and starts accepting; does nothing if already listening. */
    synchronized void open() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            socket.close();
            throw new IOException("router port " + port + " of app " + appName + " is in use by another program", e);
        }
        listener = socket;
        Thread.ofVirtual().name("router-" + appName).start(() -> accept(socket));
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.add(client);
                Thread.ofVirtual().name("router-" + appName + "-conn").start(() -> {
                    try {
                        new ProxiedConnection(client, pool, served).run();
                    } finally {
                        connections.remove(client);
                    }
                });
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(Level.WARNING, "router of " + appName + " failed to accept: " + e.getMessage());
                }
            }
        }
    }

    /** Stops listening and closes open client connections; the port stays the app's. */
    @Override
    public synchronized void close() {
        ServerSocket socket = listener;
        listener = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a listener cannot fail in a way worth reporting
            }
        }
        for (Socket client : connections) {
            try {
                client.close();
            } catch (IOException ignored) {
                // the client is gone either way
            }
        }
    }
}
