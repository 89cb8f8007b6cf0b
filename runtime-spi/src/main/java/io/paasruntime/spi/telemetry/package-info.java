/**
 * Telemetry: an app's log lines and metric series. The embedded default {@code local} keeps what
 * the local orchestrator captures and samples; {@code signoz} reads a SigNoz server.
 */
package io.paasruntime.spi.telemetry;
