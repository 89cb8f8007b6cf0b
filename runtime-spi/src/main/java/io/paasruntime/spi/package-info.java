/**
 * The provider SPI of PaaS Runtime: the base types every provider kind shares.
 *
 * <p>Each capability lives in its own sub-package with three kinds of types: the provider
 * interface, its factory (found by {@link java.util.ServiceLoader} and selected by
 * {@link io.paasruntime.spi.ProviderFactory#id()} from config), and the value types it speaks.
 * This module depends on the JDK only.
 */
package io.paasruntime.spi;
