package io.paasruntime.local.orchestration;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Bytes to a router as a client would write them, for what an HTTP client library would not send. */
final class RawHttp {
    private RawHttp() {
    }

    /** Sends {@code request} on a new connection and reads until the router closes it. */
    static String exchange(URI url, String request) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
