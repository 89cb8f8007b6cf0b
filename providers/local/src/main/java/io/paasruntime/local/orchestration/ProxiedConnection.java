package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.ServedRequests;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One client connection to an app's router, served request by request (HTTP/1.1 keep-alive).
 * Each request goes to the pool member picked for it, over a fresh connection to that instance
 * that ends with the response: so a keep-alive client follows deploys and restarts, and an
 * instance is drained as soon as its current requests are answered. A request that no instance
 * answered at all is retried on another one when it is safe to repeat (GET, HEAD, OPTIONS without
 * a body). {@code Upgrade} requests (WebSockets) become a byte tunnel after the {@code 101}.
 *
 * <p>Every request gets at most one final response, the app's or the router's own (400, 431, 501
 * for what it cannot forward; 502, 503, 504 when no web process is up or answers), and each one
 * sent counts once in {@link ServedRequests}, when its head is written. Once the app's head is
 * sent, a failure midway can only close the connection.
 */
final class ProxiedConnection {
    private static final int CLIENT_IDLE_MILLIS = 60_000;
    private static final int BACKEND_CONNECT_MILLIS = 2_000;
    private static final int BACKEND_READ_MILLIS = 300_000;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "upgrade", "transfer-encoding", "trailer");

    private final Socket client;
    private final BackendPool pool;
    private final ServedRequests served;
    private boolean answered; // the current request's final response head was sent

    ProxiedConnection(Socket client, BackendPool pool, ServedRequests served) {
        this.client = client;
        this.pool = pool;
        this.served = served;
    }

    void run() {
        try (client) {
            client.setSoTimeout(CLIENT_IDLE_MILLIS);
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            boolean keepAlive = true;
            while (keepAlive) {
                answered = false;
                HttpHead request;
                try {
                    request = HttpHead.read(in);
                } catch (HttpHead.MalformedException e) {
                    respond(out, e.status, e.getMessage());
                    return;
                }
                if (request == null) {
                    return;
                }
                keepAlive = exchange(request, in, out);
            }
        } catch (SocketTimeoutException e) {
            // an idle keep-alive connection: closing it is normal
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Forwards one request and its response; returns whether the client connection stays open. */
    private boolean exchange(HttpHead request, InputStream in, OutputStream out) throws IOException {
        String[] line = request.startLine().split(" ");
        if (line.length != 3 || !line[2].startsWith("HTTP/1.")) {
            respond(out, 400, "malformed request line");
            return false;
        }
        String method = line[0];
        boolean http11 = line[2].equals("HTTP/1.1");
        boolean clientKeepAlive = http11 ? !request.hasToken("Connection", "close") : request.hasToken("Connection", "keep-alive");
        Framing body = Framing.ofRequest(request);
        if (body.error() != null) {
            respond(out, body.status(), body.error());
            return false;
        }
        boolean upgrade = request.first("Upgrade") != null && request.hasToken("Connection", "upgrade");
        if (request.hasToken("Expect", "100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        boolean replayable = !body.present() && !upgrade && Set.of("GET", "HEAD", "OPTIONS").contains(method);
        Set<SupervisedInstance> tried = new HashSet<>();
        while (true) {
            Optional<BackendPool.Lease> lease = pool.acquire(tried);
            if (lease.isEmpty()) {
                respond(out, tried.isEmpty() ? 503 : 502, tried.isEmpty()
                        ? "no web process of this app is up" : "the app's web processes did not answer");
                return false;
            }
            try (BackendPool.Lease held = lease.get(); Socket backend = new Socket()) {
                SupervisedInstance instance = held.instance();
                try {
                    backend.connect(new InetSocketAddress("127.0.0.1", instance.spec().port().getAsInt()), BACKEND_CONNECT_MILLIS);
                } catch (IOException e) {
                    tried.add(instance);
                    continue;
                }
                backend.setSoTimeout(BACKEND_READ_MILLIS);
                backend.setTcpNoDelay(true);
                OutputStream toBackend = new BufferedOutputStream(backend.getOutputStream());
                HttpHead.write(toBackend, method + " " + line[1] + " HTTP/1.1", forwardedFields(request, upgrade));
                body.copy(in, toBackend, true);
                toBackend.flush();
                InputStream fromBackend = new BufferedInputStream(backend.getInputStream());
                HttpHead response = readFinalResponse(fromBackend, out);
                if (response == null) {
                    if (replayable) {
                        tried.add(instance);
                        continue;
                    }
                    respond(out, 502, "the app's web process closed the connection without answering");
                    return false;
                }
                return relay(method, http11, clientKeepAlive, upgrade, response, fromBackend, out, in, toBackend);
            } catch (SocketTimeoutException e) {
                respond(out, 504, "the app's web process did not answer in time");
                return false;
            } catch (HttpHead.MalformedException e) {
                respond(out, 502, "the app answered with a malformed response: " + e.getMessage());
                return false;
            }
        }
    }

    /** Reads the backend's response head, passing interim (1xx) responses on; null if it closed first. */
    private static HttpHead readFinalResponse(InputStream fromBackend, OutputStream out) throws IOException {
        while (true) {
            HttpHead response;
            try {
                response = HttpHead.read(fromBackend);
            } catch (java.io.EOFException | java.net.SocketException e) {
                return null;
            }
            if (response == null) {
                return null;
            }
            int status = status(response);
            if (status >= 200 || status == 101) {
                return response;
            }
            HttpHead.write(out, response.startLine(), response.fields());
            out.flush();
        }
    }

    private boolean relay(String method, boolean http11, boolean clientKeepAlive, boolean upgrade, HttpHead response,
                          InputStream fromBackend, OutputStream out, InputStream in, OutputStream toBackend) throws IOException {
        int status = status(response);
        String statusLine = "HTTP/1.1" + response.startLine().substring(response.startLine().indexOf(' '));
        if (status == 101 && upgrade) {
            HttpHead.write(out, statusLine, response.fields());
            countAnswer();
            out.flush();
            tunnel(in, out, fromBackend, toBackend);
            return false;
        }
        Framing body = Framing.ofResponse(method, status, response);
        boolean rechunk = body.chunked() && !http11; // HTTP/1.0 clients cannot read chunks
        boolean keep = clientKeepAlive && !body.toEnd() && !rechunk;
        List<HttpHead.Field> fields = new ArrayList<>();
        List<String> dropped = response.connectionTokens();
        for (HttpHead.Field f : response.fields()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            boolean keepField = !HOP_BY_HOP.contains(name) || (name.equals("transfer-encoding") && !rechunk);
            if (keepField && !dropped.contains(name)) {
                fields.add(f);
            }
        }
        fields.add(new HttpHead.Field("Connection", keep ? "keep-alive" : "close"));
        HttpHead.write(out, statusLine, fields);
        countAnswer();
        body.copy(fromBackend, out, !rechunk);
        out.flush();
        return keep;
    }

    private static void tunnel(InputStream in, OutputStream out, InputStream fromBackend, OutputStream toBackend) {
        Thread down = Thread.ofVirtual().start(() -> {
            try {
                HttpBodies.copyToEnd(fromBackend, out);
            } catch (IOException ignored) {
                // either side closed
            }
        });
        try {
            byte[] buf = new byte[16384];
            for (int n = readTunnel(in, buf); n >= 0; n = readTunnel(in, buf)) {
                toBackend.write(buf, 0, n);
                toBackend.flush();
            }
        } catch (IOException ignored) {
            // either side closed
        }
        try {
            down.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int readTunnel(InputStream in, byte[] buf) throws IOException {
        try {
            return in.read(buf);
        } catch (SocketTimeoutException e) {
            return 0; // an idle WebSocket is fine; keep waiting
        }
    }

    private List<HttpHead.Field> forwardedFields(HttpHead request, boolean upgrade) {
        List<String> dropped = request.connectionTokens();
        List<HttpHead.Field> fields = new ArrayList<>();
        String forwardedFor = null;
        for (HttpHead.Field f : request.fields()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            if (name.equals("x-forwarded-for")) {
                forwardedFor = f.value();
            } else if (name.equals("transfer-encoding") || name.equals("upgrade") && upgrade
                    || !HOP_BY_HOP.contains(name) && !dropped.contains(name) && !name.equals("expect")) {
                fields.add(f);
            }
        }
        String peer = client.getInetAddress().getHostAddress();
        fields.add(new HttpHead.Field("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer));
        if (request.first("X-Forwarded-Proto") == null) {
            fields.add(new HttpHead.Field("X-Forwarded-Proto", "http"));
        }
        fields.add(new HttpHead.Field("X-Request-Start", "t=" + System.currentTimeMillis()));
        fields.add(new HttpHead.Field("Connection", upgrade ? "Upgrade" : "close"));
        return fields;
    }

    private static int status(HttpHead response) throws IOException {
        String[] parts = response.startLine().split(" ", 3);
        try {
            if (parts.length >= 2 && parts[0].startsWith("HTTP/1.") && parts[1].length() == 3) {
                return Integer.parseInt(parts[1]);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new HttpHead.MalformedException(502, "the app answered with a malformed status line");
    }

    private void countAnswer() {
        answered = true;
        served.answered();
    }

    /** The router's own answer to the current request, unless the app's answer has begun. */
    private void respond(OutputStream out, int status, String message) {
        if (answered) {
            return;
        }
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 504 -> "Gateway Timeout";
            default -> "Service Unavailable";
        };
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            HttpHead.write(out, "HTTP/1.1 " + status + " " + reason, List.of(
                    new HttpHead.Field("Content-Type", "text/plain; charset=utf-8"),
                    new HttpHead.Field("Content-Length", Integer.toString(body.length)),
                    new HttpHead.Field("Connection", "close")));
            countAnswer();
            out.write(body);
            out.flush();
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    /** How a message's body is delimited. */
    private record Framing(boolean chunked, long length, boolean toEnd, int status, String error) {

        static Framing ofRequest(HttpHead head) {
            List<String> lengths = head.all("Content-Length");
            String te = head.first("Transfer-Encoding");
            if (te != null && !lengths.isEmpty()) {
                return failed(400, "both Transfer-Encoding and Content-Length");
            }
            if (te != null) {
                return te.strip().equalsIgnoreCase("chunked") && head.all("Transfer-Encoding").size() == 1
                        ? new Framing(true, 0, false, 0, null) : failed(501, "unsupported Transfer-Encoding");
            }
            if (lengths.stream().distinct().count() > 1) {
                return failed(400, "conflicting Content-Length");
            }
            if (lengths.isEmpty()) {
                return new Framing(false, 0, false, 0, null);
            }
            String value = lengths.getFirst();
            if (!value.matches("\\d{1,18}")) {
                return failed(400, "bad Content-Length");
            }
            return new Framing(false, Long.parseLong(value), false, 0, null);
        }

        static Framing ofResponse(String method, int status, HttpHead head) {
            if (method.equals("HEAD") || status == 204 || status == 304) {
                return new Framing(false, 0, false, 0, null);
            }
            String te = head.first("Transfer-Encoding");
            if (te != null) {
                return te.toLowerCase(Locale.ROOT).strip().endsWith("chunked")
                        ? new Framing(true, 0, false, 0, null) : new Framing(false, 0, true, 0, null);
            }
            String length = head.first("Content-Length");
            if (length != null && length.strip().matches("\\d{1,18}")) {
                return new Framing(false, Long.parseLong(length.strip()), false, 0, null);
            }
            return new Framing(false, 0, true, 0, null);
        }

        private static Framing failed(int status, String error) {
            return new Framing(false, 0, false, status, error);
        }

        boolean present() {
            return chunked || length > 0;
        }

        void copy(InputStream in, OutputStream out, boolean keepChunks) throws IOException {
            if (chunked) {
                HttpBodies.copyChunked(in, out, keepChunks);
            } else if (toEnd) {
                HttpBodies.copyToEnd(in, out);
            } else {
                HttpBodies.copyFixed(in, out, length);
            }
        }
    }
}
