/**
 * Finding and creating providers: the {@link io.paasruntime.core.providers.ProviderRegistry} loads
 * factories with {@link java.util.ServiceLoader} from the classpath and from the jars of a providers
 * folder, and picks each port's provider by the id the config names.
 */
package io.paasruntime.core.providers;
