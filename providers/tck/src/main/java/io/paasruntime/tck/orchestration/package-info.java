/** The contract every {@link io.paasruntime.spi.orchestration.Orchestrator} passes. */
package io.paasruntime.tck.orchestration;
