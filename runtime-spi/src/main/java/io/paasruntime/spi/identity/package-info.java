/**
 * Identity: who may call the API. A provider signs users up (creating their tenant), logs them in
 * (issuing a bearer JWT) and verifies tokens into a {@link io.paasruntime.spi.identity.Principal}.
 * Embedded default {@code local}; production {@code keycloak}.
 */
package io.paasruntime.spi.identity;
