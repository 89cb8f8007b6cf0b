package io.paasruntime.server.bench;

import io.helidon.webserver.WebServer;

/**
 * The benchmark's baseline: a Helidon SE server with one route that returns a constant, nothing
 * else (no auth, no filters). {@code bench/server.sh} compares the real API against it.
 */
public final class BareHelidon {
    private BareHelidon() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(r -> r.get("/constant", (req, res) -> res.send("{\"status\":\"ok\"}")))
                .build()
                .start();
    }
}
