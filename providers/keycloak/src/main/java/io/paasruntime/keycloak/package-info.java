/**
 * Identity on Keycloak: users log in with the realm's password grant, tokens are checked against the
 * realm's published keys (JWKS), and signup creates the tenant as a Keycloak organization and the
 * user as its member through the Admin REST API. The tenant id travels in a user attribute that a
 * protocol mapper copies into every access token. Factory: {@link io.paasruntime.keycloak.KeycloakIdentityProviderFactory}.
 */
package io.paasruntime.keycloak;
