/**
 * Reading an app's logs and metrics: the {@link io.paasruntime.core.telemetry.Telemetry} use case
 * checks the inputs, scopes the app to the caller's tenant and asks the configured log and metric
 * sources; {@link io.paasruntime.core.telemetry.LogFollow} is the bounded buffer between a followed
 * log and a client that may read slowly.
 */
package io.paasruntime.core.telemetry;
