package io.paasruntime.keycloak;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.paasruntime.spi.ProviderException;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The realm's RS256 signing keys, fetched from its JWKS and kept for {@code maxAge}. A token naming a
 * key id we do not know makes one early refresh (Keycloak rotated its keys), but at most one per
 * {@link #MIN_REFRESH_INTERVAL}, so a flood of forged key ids cannot turn into a flood of requests to
 * Keycloak. When Keycloak cannot be reached the keys already held stay in use: tokens issued before
 * an outage keep working until they expire. Thread-safe: readers see an immutable snapshot.
 */
final class RealmKeys {
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(RealmKeys.class.getName());

    /** The keys of one fetch. */
    private record Snapshot(Map<String, JWSVerifier> verifiers, String publicJwks, Instant fetchedAt) {
    }

    private final Supplier<String> fetchJwks;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;
    private Instant lastAttempt = Instant.MIN;

    /**
     * @param fetchJwks returns the realm's JWK Set document; throws {@link ProviderException} when it cannot
     * @param maxAge    how long fetched keys are used before they are fetched again
     */
    RealmKeys(Supplier<String> fetchJwks, Clock clock, Duration maxAge) {
        this.fetchJwks = fetchJwks;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * The verifier for key {@code kid}, or empty when the realm has no such RS256 signing key.
     *
     * @throws ProviderException {@code UNAVAILABLE} when the keys are needed and Keycloak cannot give them
     */
    Optional<JWSVerifier> verifier(String kid) {
        Snapshot current = current();
        JWSVerifier verifier = current.verifiers().get(kid);
        if (verifier == null) {
            current = refresh(current, true);
            verifier = current.verifiers().get(kid);
        }
        return Optional.ofNullable(verifier);
    }

    /** The signing keys as a public JWK Set document. */
    String publicJwks() {
        return current().publicJwks();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            return load();
        }
        if (!clock.instant().isBefore(current.fetchedAt().plus(maxAge))) {
            return refresh(current, false);
        }
        return current;
    }

    private synchronized Snapshot load() {
        if (snapshot == null) {
            Instant now = clock.instant();
            if (now.isBefore(lastAttempt.plus(MIN_REFRESH_INTERVAL))) {
                // Fail fast instead of making every request wait for a Keycloak that just failed.
                throw ProviderException.unavailable("the realm's keys could not be fetched yet; retrying shortly", null);
            }
            lastAttempt = now;
            snapshot = fetch();
        }
        return snapshot;
    }

    /**
     * Fetches the keys again unless one was tried less than {@link #MIN_REFRESH_INTERVAL} ago. A failed
     * fetch keeps {@code current}, except for an unknown key id, where the caller must not guess.
     */
    private synchronized Snapshot refresh(Snapshot current, boolean forUnknownKey) {
        if (snapshot != current) {
            return snapshot; // another thread refreshed meanwhile
        }
        Instant now = clock.instant();
        if (now.isBefore(lastAttempt.plus(MIN_REFRESH_INTERVAL))) {
            return current;
        }
        lastAttempt = now;
        try {
            snapshot = fetch();
            return snapshot;
        } catch (ProviderException e) {
            if (forUnknownKey) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "could not refresh the realm's keys, still using those fetched at "
                    + current.fetchedAt() + ": " + e.getMessage());
            return current;
        }
    }

    private Snapshot fetch() {
        String json = fetchJwks.get();
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw ProviderException.internal("the realm's JWKS is not a JWK Set", e);
        }
        Map<String, JWSVerifier> verifiers = new HashMap<>();
        List<JWK> published = new ArrayList<>();
        for (JWK key : set.getKeys()) {
            if (isRs256SigningKey(key)) {
                try {
                    verifiers.put(key.getKeyID(), new RSASSAVerifier(key.toRSAKey()));
                    published.add(key.toPublicJWK());
                } catch (JOSEException e) {
                    LOG.log(System.Logger.Level.WARNING, "skipping unusable key " + key.getKeyID() + " of the realm's JWKS");
                }
            }
        }
        return new Snapshot(Map.copyOf(verifiers), new JWKSet(published).toString(true), clock.instant());
    }

    /** Keycloak also publishes its encryption key in the JWKS; only RS256 signing keys may verify tokens. */
    private static boolean isRs256SigningKey(JWK key) {
        return key instanceof RSAKey && key.getKeyID() != null
                && (key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                && (key.getAlgorithm() == null || JWSAlgorithm.RS256.equals(key.getAlgorithm()));
    }
}
