package io.paasruntime.server.http;

/** What a handler answers: a status and a body written as JSON. */
public record Reply(int status, Object body) {
    public static Reply ok(Object body) {
        return new Reply(200, body);
    }

    public static Reply created(Object body) {
        return new Reply(201, body);
    }

    public static Reply accepted(Object body) {
        return new Reply(202, body);
    }
}
