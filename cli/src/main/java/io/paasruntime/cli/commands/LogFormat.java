package io.paasruntime.cli.commands;

import io.paasruntime.cli.json.JsonNode;

/** How a log line object {@code {"ts","process","instance","stream","message"}} is printed. */
final class LogFormat {
    private LogFormat() {
    }

    /** {@code 2024-05-04T13:42:11.123Z web.1: Listening on 41234} (the instance, else the process). */
    static String line(JsonNode l) {
        String source = l.get("instance").text();
        if (source.isEmpty()) {
            source = l.get("process").text("app");
        }
        return l.get("ts").text() + " " + source + ": " + l.get("message").text();
    }

    /** Identity of a line, to print each once when pages or streams overlap. */
    static String key(JsonNode l) {
        return l.get("ts").text() + '\u0000' + l.get("instance").text() + '\u0000' + l.get("stream").text()
                + '\u0000' + l.get("message").text();
    }
}
