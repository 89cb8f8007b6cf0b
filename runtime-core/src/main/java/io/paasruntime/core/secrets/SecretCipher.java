package io.paasruntime.core.secrets;

import io.paasruntime.core.errors.InternalError;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * AES-256-GCM over the runtime's key: a fresh 96-bit nonce per value, and associated data chosen by
 * the caller (what the value belongs to), so a sealed value copied to another owner's row does not
 * open. A sealed value is {@code base64(nonce ‖ ciphertext ‖ tag)}; callers add their own version
 * prefix. It also makes keyed digests ({@link #digest}) for values that must be compared but never
 * read back. Thread-safe.
 */
public final class SecretCipher {
    /** Marks a value sealed for the store ({@link #sealForStore}), unlike one written before encryption. */
    static final String STORED_PREFIX = "enc:v1:";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an encryption key has " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Encrypts {@code plaintext} bound to {@code associatedData}. */
    public String seal(String plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * @throws IllegalArgumentException when {@code sealed} is not base64, is truncated, was altered, or
     *                                  was sealed with another key or other associated data
     */
    public String open(String sealed, byte[] associatedData) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed value is not base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed value is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("sealed value does not open with this key for this owner", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** {@code plaintext} sealed for a store column: {@code enc:v1:<base64>}. */
    public String sealForStore(String plaintext, byte[] associatedData) {
        return STORED_PREFIX + seal(plaintext, associatedData);
    }

    /**
     * A value read from a store column: opened when {@link #sealForStore sealed}, else (written before
     * encryption) as it is.
     *
     * @param what names the value in the error, never its content
     * @throws InternalError when a sealed value does not open: altered in the store, or sealed with
     *                       another key. Never a wrong value silently.
     */
    public String openFromStore(String stored, byte[] associatedData, String what) {
        if (!isSealedForStore(stored)) {
            return stored;
        }
        try {
            return open(stored.substring(STORED_PREFIX.length()), associatedData);
        } catch (IllegalArgumentException e) {
            throw new InternalError(what + " does not decrypt with this runtime's key (" + RuntimeKey.SETTING + " / "
                    + RuntimeKey.KEY_FILE + "): it was altered in the store or encrypted with another key", e);
        }
    }

    public static boolean isSealedForStore(String stored) {
        return stored.startsWith(STORED_PREFIX);
    }

    /**
     * HMAC-SHA256 of {@code data} under a key derived from the runtime's key for {@code purpose}, in
     * hex: equal inputs give equal digests, but unlike a plain hash a digest found in the store cannot
     * be checked against guesses (a password inside a login body, say) without the runtime's key.
     */
    public String digest(String purpose, byte[] data) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] purposeKey = derive.doFinal(("paas-runtime digest\u0000" + purpose).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
