package io.paasruntime.core.addons;

import io.paasruntime.core.providers.ProviderSetupException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Seals add-on credentials before they reach the state store: AES-256-GCM with a fresh 96-bit nonce
 * per value and the add-on's id as associated data, so a sealed value copied onto another add-on's
 * row does not open. The format is {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}.
 *
 * <p>The key comes from config ({@code addons.encryption-key}, base64 of 32 bytes) or from
 * {@code <data dir>/addons.key}, generated on first use with mode 0600. Losing the key loses nothing
 * an app needs (the URL lives in its config vars), only the ability to read the stored copy.
 * Thread-safe.
 */
public final class CredentialCipher {
    public static final String KEY_FILE = "addons.key";
    private static final Logger LOG = Logger.getLogger(CredentialCipher.class.getName());
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an add-on encryption key has " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * The configured key, else the data directory's key file (created if missing).
     *
     * @throws ProviderSetupException when the configured key or the file is not base64 of 32 bytes
     */
    public static CredentialCipher load(Optional<String> configuredKey, Path dataDir) {
        if (configuredKey.isPresent()) {
            return new CredentialCipher(decodeKey(configuredKey.get(), "addons.encryption-key"));
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            restrictToOwner(file);
            return new CredentialCipher(decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
        } catch (IOException e) {
            throw new ProviderSetupException("cannot read or create the add-on key file " + file + ": " + e.getMessage(), e);
        }
    }

    public String seal(String plaintext, UUID addonId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(addonId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** @throws IllegalArgumentException when the value was sealed with another key or for another add-on */
    public String open(String sealed, UUID addonId) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a sealed credential");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("sealed credential is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(addonId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("sealed credential does not open with this key for this add-on", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * Writes a new key to a private temporary file, then links it in place (a link, unlike a rename,
     * fails when the name exists, so a concurrent creator's key is never replaced).
     */
    private static void createKeyFile(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(KEY_FILE + ".tmp-" + UUID.randomUUID());
        if (posix(file)) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(temp);
        }
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temp, file);
            }
            LOG.info("created the add-on credential key " + file);
        } catch (FileAlreadyExistsException raced) {
            // another runtime on this data directory created it first: use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            LOG.warning("the add-on key file " + file + " was readable by others; setting its mode to 0600");
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] decodeKey(String text, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(text.strip());
            if (key.length == KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below without echoing the value
        }
        throw new ProviderSetupException(source + " must be base64 of " + KEY_BYTES + " random bytes"
                + " (e.g. the output of `openssl rand -base64 32`)");
    }
}
