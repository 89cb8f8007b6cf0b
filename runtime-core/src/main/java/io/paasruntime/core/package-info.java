/**
 * The core of PaaS Runtime: use cases ({@code Apps}, {@code Deploys}, …), domain rules, typed errors and
 * the provider registry. Depends on {@code runtime-spi} and the JDK only, so any Java program can
 * embed it; {@link io.paasruntime.core.PaasRuntime} assembles a runtime from config.
 */
package io.paasruntime.core;
