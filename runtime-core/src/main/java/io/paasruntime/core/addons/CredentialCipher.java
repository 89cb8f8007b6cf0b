package io.paasruntime.core.addons;

import io.paasruntime.core.secrets.SecretCipher;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Seals add-on credentials before they reach the state store, with the runtime's key
 * ({@link io.paasruntime.core.secrets.RuntimeKey}) and the add-on's id as associated data, so a
 * sealed value copied onto another add-on's row does not open. The format is
 * {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}. Thread-safe.
 */
public final class CredentialCipher {
    private static final String VERSION = "v1:";

    private final SecretCipher cipher;

    public CredentialCipher(SecretCipher cipher) {
        this.cipher = cipher;
    }

    public CredentialCipher(byte[] key) {
        this(new SecretCipher(key));
    }

    public String seal(String plaintext, UUID addonId) {
        return VERSION + cipher.seal(plaintext, owner(addonId));
    }

    /** @throws IllegalArgumentException when the value was sealed with another key or for another add-on */
    public String open(String sealed, UUID addonId) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a sealed credential");
        }
        return cipher.open(sealed.substring(VERSION.length()), owner(addonId));
    }

    /** The add-on's id as text, as the first version of this format had it: older rows keep opening. */
    private static byte[] owner(UUID addonId) {
        return addonId.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
