/**
 * An in-memory {@link io.paasruntime.spi.store.StateStore} for provider tests that must not depend
 * on the real {@code jdbc} store.
 */
package io.paasruntime.tck.store;
