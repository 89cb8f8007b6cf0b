/**
 * The contracts every {@link io.paasruntime.spi.telemetry.LogSource} and
 * {@link io.paasruntime.spi.telemetry.MetricSource} passes: subclasses say how to make lines and
 * samples appear for an app (write them to the provider's store, or serve them from a stub).
 */
package io.paasruntime.tck.telemetry;
