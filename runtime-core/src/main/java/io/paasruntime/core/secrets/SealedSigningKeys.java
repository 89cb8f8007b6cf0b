package io.paasruntime.core.secrets;

import io.paasruntime.core.errors.InternalError;
import io.paasruntime.spi.store.SigningKey;
import io.paasruntime.spi.store.SigningKeyRepository;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Token-signing keys with their private part sealed in the store underneath
 * ({@code enc:v1:<base64>}, bound to the key's id) and plain above it: whoever reads the database or
 * a dump of it cannot mint tokens without the runtime's key. A key stored before this is read as it
 * is. Thread-safe if the repository underneath is.
 */
final class SealedSigningKeys implements SigningKeyRepository {
    private final SigningKeyRepository stored;
    private final SecretCipher cipher;

    SealedSigningKeys(SigningKeyRepository stored, SecretCipher cipher) {
        this.stored = stored;
        this.cipher = cipher;
    }

    @Override
    public List<SigningKey> list() {
        return stored.list().stream().map(this::open).toList();
    }

    @Override
    public boolean insertIfAbsent(SigningKey key) {
        return stored.insertIfAbsent(new SigningKey(key.keyId(),
                cipher.sealForStore(key.privateJwk(), owner(key.keyId())), key.createdAt()));
    }

    private SigningKey open(SigningKey key) {
        return new SigningKey(key.keyId(), open(cipher, key), key.createdAt());
    }

    /**
     * The private JWK of a stored key.
     *
     * @throws InternalError when it is sealed and does not open with {@code cipher}; the message names
     *                       the key's id only
     */
    static String open(SecretCipher cipher, SigningKey key) {
        return cipher.openFromStore(key.privateJwk(), owner(key.keyId()), "signing key " + key.keyId());
    }

    static boolean isSealed(SigningKey key) {
        return SecretCipher.isSealedForStore(key.privateJwk());
    }

    /** Unlike a config var's, an add-on credential's or a kept answer's, so no sealed value opens as another kind. */
    private static byte[] owner(String keyId) {
        return ("signing-key\u0000" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
