package io.paasruntime.core.secrets;

import io.paasruntime.core.errors.InternalError;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Seals config var values for the store: {@code enc:v1:<base64(nonce ‖ ciphertext ‖ tag)>}, bound to
 * the app and the var's name, so a sealed value moved to another app or var does not open. Names stay
 * plain. A stored value without the prefix was written before config vars were encrypted and is read
 * as it is (it gets sealed the next time the app's config is written). Thread-safe.
 */
public final class ConfigSealer {
    private final SecretCipher cipher;

    public ConfigSealer(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The runtime's key, for the store's other sealed values (signing keys). */
    SecretCipher cipher() {
        return cipher;
    }

    /** Every value sealed (including one that happens to start with the prefix, so it reads back as set). */
    public Map<String, String> seal(UUID appId, Map<String, String> plain) {
        Map<String, String> sealed = new LinkedHashMap<>();
        plain.forEach((name, value) -> sealed.put(name, cipher.sealForStore(value, owner(appId, name))));
        return Map.copyOf(sealed);
    }

    /**
     * Every value opened.
     *
     * @throws InternalError when a sealed value does not open: altered in the store, or sealed with
     *                       another key. Never a wrong value silently.
     */
    public Map<String, String> open(UUID appId, Map<String, String> stored) {
        Map<String, String> plain = new LinkedHashMap<>();
        stored.forEach((name, value) -> plain.put(name, open(appId, name, value)));
        return Map.copyOf(plain);
    }

    String open(UUID appId, String name, String stored) {
        return cipher.openFromStore(stored, owner(appId, name), "config var " + name + " of app " + appId);
    }

    static boolean isSealed(String stored) {
        return SecretCipher.isSealedForStore(stored);
    }

    /** Unlike an add-on credential's (a bare UUID), so neither kind of value opens as the other. */
    private static byte[] owner(UUID appId, String name) {
        return ("config-var\u0000" + appId + "\u0000" + name).getBytes(StandardCharsets.UTF_8);
    }
}
