package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.orchestration.PreparedSource;
import io.paasruntime.spi.orchestration.SourceUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Uploaded artifacts, checked and stored content-addressed as
 * {@code artifacts/sha256/<hex>.tar.gz}. Thread-safe: uploads land in their own temporary
 * files and are moved into place atomically.
 */
final class ArtifactStore {
    static final String KIND = "artifact";
    private static final Pattern REF = Pattern.compile("sha256:([0-9a-f]{64})");
    private static final int MAX_PROCFILE_BYTES = 64 * 1024;

    private final Path root;
    private final long maxArtifactBytes;

    ArtifactStore(Path root, long maxArtifactBytes) {
        this.root = root;
        this.maxArtifactBytes = maxArtifactBytes;
    }

    /** The most an artifact may unpack to: ten times its compressed limit, against gzip bombs. */
    long maxUnpackedBytes() {
        return maxArtifactBytes * 10;
    }

    /**
     * Reads the upload once, checks it (size, gzip, tar, safe paths, Procfile) and stores it.
     *
     * @throws ProviderException {@code INVALID} on {@code body} or {@code Procfile} naming the problem
     */
    PreparedSource prepare(SourceUpload.Artifact upload) {
        long limit = upload.maxBytes() > 0 ? Math.min(upload.maxBytes(), maxArtifactBytes) : maxArtifactBytes;
        Path incoming = root.resolve("incoming");
        Path temp = null;
        try {
            Files.createDirectories(incoming);
            temp = Files.createTempFile(incoming, "upload-", ".tar.gz");
            String hex = copyHashed(upload.body(), temp, limit);
            Procfile procfile = check(temp);
            Path target = root.resolve("sha256").resolve(hex + ".tar.gz");
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            return new PreparedSource(KIND, "sha256:" + hex, procfile.processes());
        } catch (IOException e) {
            throw ProviderException.internal("could not store the artifact: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Whether {@code ref} names an artifact stored here. */
    boolean available(String ref) {
        return path(ref).map(Files::isRegularFile).orElse(false);
    }

    /** The stored file of {@code ref}, if {@code ref} is a well-formed {@code sha256:<hex>}. */
    Optional<Path> path(String ref) {
        var m = REF.matcher(ref == null ? "" : ref);
        return m.matches() ? Optional.of(root.resolve("sha256").resolve(m.group(1) + ".tar.gz")) : Optional.empty();
    }

    private String copyHashed(InputStream body, Path temp, long limit) throws IOException {
        MessageDigest sha256 = sha256();
        long total = 0;
        byte[] buf = new byte[65536];
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (int n = readBody(body, buf); n >= 0; n = readBody(body, buf)) {
                total += n;
                if (total > limit) {
                    throw ProviderException.tooLarge("body", "artifact is larger than " + limit + " bytes");
                }
                sha256.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        if (total == 0) {
            throw ProviderException.invalid("body", "the body is empty: deploy a .tar.gz holding a Procfile");
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static int readBody(InputStream body, byte[] buf) {
        try {
            return body.read(buf);
        } catch (IOException e) {
            throw ProviderException.invalid("body", "the body could not be read to its end: " + e.getMessage());
        }
    }

    private Procfile check(Path archive) throws IOException {
        String[] procfile = {null};
        new ArchiveScanner(maxUnpackedBytes()).scan(archive, new ArchiveScanner.Visitor() {
            @Override
            public void directory(String path, TarEntry entry) {
            }

            @Override
            public void file(String path, TarEntry entry, InputStream content) throws IOException {
                if (path.equals("Procfile")) {
                    byte[] bytes = content.readNBytes(MAX_PROCFILE_BYTES + 1);
                    if (bytes.length > MAX_PROCFILE_BYTES) {
                        throw ProviderException.invalid("Procfile", "the Procfile is larger than " + MAX_PROCFILE_BYTES + " bytes");
                    }
                    procfile[0] = new String(bytes, StandardCharsets.UTF_8);
                }
            }
        });
        if (procfile[0] == null) {
            throw ProviderException.invalid("Procfile", "the archive has no Procfile at its root: add a file named Procfile "
                    + "with lines like 'web: python3 server.py' and pack the folder's content (tar -czf app.tgz -C <dir> .)");
        }
        return Procfile.parse(procfile[0]);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a leftover upload in incoming/ is harmless
            }
        }
    }
}
