/**
 * The {@code signoz} telemetry providers: an app's logs and metrics read from SigNoz's v5 query API
 * ({@code POST /api/v5/query_range} with the {@code SIGNOZ-API-KEY} header), found by the resource
 * attributes the OpenTelemetry collector puts on what the Kubernetes orchestrator's pods emit.
 * SigNoz failures of every kind reach the caller as {@code UNAVAILABLE} with the reason.
 */
package io.paasruntime.signoz;
