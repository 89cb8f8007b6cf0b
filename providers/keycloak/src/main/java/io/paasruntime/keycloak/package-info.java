/** The keycloak provider. */
package io.paasruntime.keycloak;
