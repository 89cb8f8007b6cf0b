package io.paasruntime.spi.identity;

import io.paasruntime.spi.ProviderFactory;

/** Factory of {@link IdentityProvider}s; config section {@code identity}. */
public interface IdentityProviderFactory extends ProviderFactory<IdentityProvider> {
}
