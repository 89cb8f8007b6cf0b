package io.paasruntime.core.secrets;

import io.paasruntime.core.providers.ProviderSetupException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Where the runtime's encryption key comes from: config ({@code addons.encryption-key}, base64 of 32
 * bytes) or {@code <data dir>/addons.key}, generated on first use with mode 0600. The names predate
 * config var encryption and are kept so existing data directories and deployments keep their key;
 * the one key now seals add-on credentials and config vars alike.
 */
public final class RuntimeKey {
    public static final String KEY_FILE = "addons.key";
    public static final String SETTING = "addons.encryption-key";
    private static final Logger LOG = Logger.getLogger(RuntimeKey.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private RuntimeKey() {
    }

    /**
     * The configured key, else the data directory's key file if it exists.
     *
     * @throws ProviderSetupException when the configured key or the file is not base64 of 32 bytes
     */
    public static Optional<SecretCipher> existing(Optional<String> configuredKey, Path dataDir) {
        if (configuredKey.isPresent()) {
            return Optional.of(new SecretCipher(decodeKey(configuredKey.get(), SETTING)));
        }
        Path file = dataDir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    /** The configured key or the key file, creating the file when neither exists. */
    public static SecretCipher load(Optional<String> configuredKey, Path dataDir) {
        return existing(configuredKey, dataDir).orElseGet(() -> create(dataDir));
    }

    /** Where the key comes from, for messages: the setting's name or the file's path (never the key). */
    public static String source(Optional<String> configuredKey, Path dataDir) {
        return configuredKey.isPresent() ? SETTING : dataDir.resolve(KEY_FILE).toString();
    }

    private static SecretCipher create(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            createKeyFile(file);
        } catch (IOException e) {
            throw new ProviderSetupException("cannot create the key file " + file + ": " + e.getMessage(), e);
        }
        return read(file);
    }

    private static SecretCipher read(Path file) {
        try {
            restrictToOwner(file);
            return new SecretCipher(decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
        } catch (IOException e) {
            throw new ProviderSetupException("cannot read the key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new key to a private temporary file, then links it in place (a link, unlike a rename,
     * fails when the name exists, so a concurrent creator's key is never replaced).
     */
    private static void createKeyFile(Path file) throws IOException {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
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
            LOG.info("created the encryption key " + file + " (back it up with the data directory)");
        } catch (FileAlreadyExistsException raced) {
            // another runtime on this data directory created it first: use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            LOG.warning("the key file " + file + " was readable by others; setting its mode to 0600");
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] decodeKey(String text, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(text.strip());
            if (key.length == SecretCipher.KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below without echoing the value
        }
        throw new ProviderSetupException(source + " must be base64 of " + SecretCipher.KEY_BYTES + " random bytes"
                + " (e.g. the output of `openssl rand -base64 32`)");
    }
}
