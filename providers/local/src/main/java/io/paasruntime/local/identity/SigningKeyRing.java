package io.paasruntime.local.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.SigningKey;
import io.paasruntime.spi.store.SigningKeyRepository;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RSA keys tokens are signed with, loaded once from the state store: the newest signs, every
 * stored key verifies. Immutable and thread-safe (nimbus signers and verifiers are).
 *
 * @param keyId     the {@code kid} of the signing key
 * @param signer    signs with the newest key
 * @param verifiers {@code kid} → verifier of that key's public part
 * @param jwksJson  the public keys as a JWK Set
 */
record SigningKeyRing(String keyId, JWSSigner signer, Map<String, JWSVerifier> verifiers, String jwksJson) {

    /**
     * The id of the first key. Fixed on purpose: two runtimes sharing an empty store both try to
     * insert it, only one insert wins, and both then read back the same key.
     */
    static final String FIRST_KEY_ID = "local-1";

    /** Reuses the newest stored key (so tokens survive restarts), creating the first one if there is none. */
    static SigningKeyRing loadOrCreate(SigningKeyRepository keys, Clock clock) {
        List<SigningKey> stored = keys.list();
        if (stored.isEmpty()) {
            keys.insertIfAbsent(new SigningKey(FIRST_KEY_ID, generate(FIRST_KEY_ID).toJSONString(), clock.instant()));
            stored = keys.list();
        }
        if (stored.isEmpty()) {
            throw ProviderException.internal("the state store kept no signing key", null);
        }
        return of(stored);
    }

    /** A ring over stored keys, newest first. */
    static SigningKeyRing of(List<SigningKey> newestFirst) {
        try {
            List<RSAKey> rsaKeys = new ArrayList<>();
            for (SigningKey key : newestFirst) {
                rsaKeys.add(RSAKey.parse(key.privateJwk()));
            }
            RSAKey newest = rsaKeys.getFirst();
            Map<String, JWSVerifier> verifiers = new HashMap<>();
            List<JWK> publicKeys = new ArrayList<>();
            for (RSAKey key : rsaKeys) {
                verifiers.put(key.getKeyID(), new RSASSAVerifier(key.toRSAPublicKey()));
                publicKeys.add(key.toPublicJWK());
            }
            return new SigningKeyRing(newest.getKeyID(), new RSASSASigner(newest), Map.copyOf(verifiers),
                    new JWKSet(publicKeys).toString(true));
        } catch (ParseException | JOSEException | RuntimeException e) {
            // The message names no key material, only that the stored keys are unusable.
            throw ProviderException.internal("a stored signing key cannot be read", e);
        }
    }

    /** The verifier of the key {@code kid}, if this ring holds it. */
    Optional<JWSVerifier> verifier(String kid) {
        return Optional.ofNullable(verifiers.get(kid));
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw ProviderException.internal("cannot generate an RSA signing key", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKeyRing[" + keyId + ", keys=" + verifiers.keySet() + "]";
    }
}
