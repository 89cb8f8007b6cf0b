package io.paasruntime.spi.telemetry;

/** Receives followed log lines. */
@FunctionalInterface
public interface LogSink {
    /** Returns false when the line could not be taken (a full buffer). */
    boolean offer(LogLine line);
}
