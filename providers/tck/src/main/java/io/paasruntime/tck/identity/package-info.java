/** The contract every {@link io.paasruntime.spi.identity.IdentityProvider} passes. */
package io.paasruntime.tck.identity;
