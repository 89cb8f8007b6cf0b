/**
 * The provider test kit: abstract contract tests each provider module extends, and the test doubles
 * ({@link io.paasruntime.tck.TestProviderContext}, {@link io.paasruntime.tck.MutableClock},
 * {@link io.paasruntime.tck.store.InMemoryStateStore}) they run with.
 */
package io.paasruntime.tck;
