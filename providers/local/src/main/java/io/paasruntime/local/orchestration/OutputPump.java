package io.paasruntime.local.orchestration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a process's output line by line on its own daemon platform thread until the stream ends.
 * Not a virtual thread: a blocking pipe read pins its carrier, and with enough instances the pumps
 * would hold every carrier and starve the orchestrator's other virtual threads. Lines longer
 * than {@link #MAX_LINE_BYTES} are split, so a process writing without newlines cannot exhaust memory.
 */
final class OutputPump {
    static final int MAX_LINE_BYTES = 16 * 1024;

    private OutputPump() {
    }

    static Thread start(String name, InputStream stream, Consumer<String> lines) {
        return Thread.ofPlatform().name(name).daemon(true).stackSize(256 * 1024).start(() -> pump(stream, lines));
    }

    static void pump(InputStream stream, Consumer<String> lines) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (stream) {
            for (int n = stream.read(buf); n >= 0; n = stream.read(buf)) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        emit(line, lines);
                    } else {
                        line.write(buf[i]);
                        if (line.size() >= MAX_LINE_BYTES) {
                            emit(line, lines);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone and its pipe closed; what was read is kept below
        }
        if (line.size() > 0) {
            emit(line, lines);
        }
    }

    private static void emit(ByteArrayOutputStream line, Consumer<String> lines) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
