package io.paasruntime.spi.orchestration;

import io.paasruntime.spi.ProviderFactory;

/** Factory of {@link Orchestrator}s; config section {@code orchestration}. */
public interface OrchestratorFactory extends ProviderFactory<Orchestrator> {
}
