package io.paasruntime.spi.identity;

import io.paasruntime.spi.ProviderException;

/**
 * Signs users up, logs them in and verifies their tokens.
 *
 * <p>Lifecycle: created once at start-up by its {@link IdentityProviderFactory}, closed at shutdown.
 * Threading: every method may be called from many request threads at once.
 */
public interface IdentityProvider extends AutoCloseable {

    /**
     * Creates a tenant and its first user. The local provider records both in the state store;
     * external providers create them in their own system and may leave tenant bookkeeping to the core.
     *
     * @throws ProviderException {@code CONFLICT} when the email (case-insensitive) or tenant name is taken
     */
    Account signup(SignupRequest request);

    /**
     * Exchanges credentials for a token.
     *
     * @throws ProviderException {@code UNAUTHORIZED} with the same message for an unknown email and a
     *                           wrong password
     */
    TokenGrant login(String email, String password);

    /**
     * Checks a bearer token (signature, {@code exp}, {@code nbf}, {@code iss}, {@code aud}, algorithm)
     * and returns who it speaks for.
     *
     * @throws ProviderException {@code UNAUTHORIZED} for any token that is not valid
     */
    Principal verify(String bearerToken);

    /** Issuer, audience and the keys tokens are signed with, for verifiers outside this provider. */
    IssuerInfo issuer();

    @Override
    default void close() {
    }
}
