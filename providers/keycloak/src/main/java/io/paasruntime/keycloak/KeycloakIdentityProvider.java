package io.paasruntime.keycloak;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.Account;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.IssuerInfo;
import io.paasruntime.spi.identity.Principal;
import io.paasruntime.spi.identity.SignupRequest;
import io.paasruntime.spi.identity.TokenGrant;

import java.time.Clock;

/**
 * Identity on a Keycloak realm: login is the realm's password grant, tokens are checked locally
 * against the realm's cached keys (no call to Keycloak per request), and signup creates an
 * organization and a member user through the Admin REST API. Nothing is kept in the state store:
 * the core records the tenant after signup. Thread-safe.
 */
public final class KeycloakIdentityProvider implements IdentityProvider {
    private final KeycloakSettings settings;
    private final KeycloakHttp http;
    private final TokenEndpoint tokens;
    private final TenantSignup signup;
    private final RealmKeys keys;
    private final KeycloakTokenVerifier verifier;

    KeycloakIdentityProvider(KeycloakSettings settings, Clock clock) {
        this(settings, clock, AdminFactory.STANDARD);
    }

    /** {@code admins} lets tests put a failing step into signup. */
    KeycloakIdentityProvider(KeycloakSettings settings, Clock clock, AdminFactory admins) {
        this.settings = settings;
        this.http = new KeycloakHttp(settings.timeout(), settings.url());
        this.tokens = new TokenEndpoint(http, settings, clock);
        this.signup = new TenantSignup(admins.create(http, tokens, settings, clock));
        RealmDiscovery discovery = new RealmDiscovery(http, settings);
        this.keys = new RealmKeys(discovery::jwks, clock, settings.jwksCache());
        this.verifier = new KeycloakTokenVerifier(settings, keys, clock);
    }

    /** How the provider gets its {@link KeycloakAdmin}. */
    @FunctionalInterface
    interface AdminFactory {
        AdminFactory STANDARD = KeycloakAdmin::new;

        KeycloakAdmin create(KeycloakHttp http, TokenEndpoint tokens, KeycloakSettings settings, Clock clock);
    }

    @Override
    public Account signup(SignupRequest request) {
        return signup.signup(request);
    }

    @Override
    public TokenGrant login(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw ProviderException.unauthorized(TokenEndpoint.BAD_CREDENTIALS);
        }
        return tokens.passwordGrant(email.trim(), password);
    }

    @Override
    public Principal verify(String bearerToken) {
        return verifier.verify(bearerToken);
    }

    /** @throws ProviderException {@code UNAVAILABLE} when the realm's keys were never fetched and Keycloak is down */
    @Override
    public IssuerInfo issuer() {
        return new IssuerInfo(settings.issuer(), settings.audience(), keys.publicJwks());
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "KeycloakIdentityProvider[" + settings + "]";
    }
}
