package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out the {@code PORT}s of web instances from {@code process.port-range}: a port not given
 * to another instance and free on the machine right now. It walks on through the range rather than
 * reusing the port just returned, so a stopping instance's port is not taken over at once.
 * Thread-safe.
 */
final class ProcessPorts {
    private final PortRange range;
    private final Set<Integer> taken = new HashSet<>();
    private int next;

    ProcessPorts(PortRange range) {
        this.range = range;
        this.next = range.first();
    }

    synchronized int acquire() {
        for (int tried = 0; tried < range.size(); tried++) {
            int port = next;
            next = port == range.last() ? range.first() : port + 1;
            if (!taken.contains(port) && isFree(port)) {
                taken.add(port);
                return port;
            }
        }
        throw ProviderException.unavailable("no free port left in orchestration.process.port-range " + range, null);
    }

    synchronized void release(int port) {
        taken.remove(port);
    }

    /** Whether nothing listens on {@code port}, on any address. */
    static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
