package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Walks a stored {@code .tar.gz}, checking every entry with {@link SafeArchiveLayout} and within
 * size limits, and hands files and directories to a {@link Visitor}. Used both to check an upload
 * and to unpack a release, so both apply the same rules.
 */
final class ArchiveScanner {
    private static final int MAX_ENTRIES = 200_000;

    /** Receives checked entries; {@code path} is relative to the root and never escapes it. */
    interface Visitor {
        void directory(String path, TarEntry entry) throws IOException;

        void file(String path, TarEntry entry, InputStream content) throws IOException;
    }

    private final long maxUnpackedBytes;

    ArchiveScanner(long maxUnpackedBytes) {
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    /**
     * Scans {@code archive}; returns the finished layout (its links are checked, not yet created).
     *
     * @throws ProviderException {@code INVALID} on {@code body} for anything malformed or unsafe
     */
    SafeArchiveLayout scan(Path archive, Visitor visitor) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive))) {
            raw.mark(2);
            if (raw.read() != 0x1f || raw.read() != 0x8b) {
                throw ProviderException.invalid("body", "the body is not a gzip file: deploy a .tar.gz (tar -czf app.tgz -C <dir> .)");
            }
            raw.reset();
            return walk(new GZIPInputStream(raw, 65536), visitor);
        } catch (ZipException | EOFException e) {
            throw ProviderException.invalid("body", "the body is not a valid gzip file (" + e.getMessage() + ")");
        } catch (TarFormatException e) {
            throw ProviderException.invalid("body", "the gzip content is not a valid tar archive: " + e.getMessage());
        }
    }

    private SafeArchiveLayout walk(InputStream tar, Visitor visitor) throws IOException {
        TarReader reader = new TarReader(tar);
        SafeArchiveLayout layout = new SafeArchiveLayout();
        long unpacked = 0;
        int entries = 0;
        for (var next = reader.next(); next.isPresent(); next = reader.next()) {
            TarEntry entry = next.get();
            if (++entries > MAX_ENTRIES) {
                throw ProviderException.invalid("body", "the archive has more than " + MAX_ENTRIES + " entries");
            }
            String path = layout.accept(entry);
            if (entry.isFile()) {
                unpacked += entry.size();
                if (unpacked > maxUnpackedBytes) {
                    throw ProviderException.tooLarge("body", "the archive unpacks to more than " + maxUnpackedBytes + " bytes");
                }
                visitor.file(path, entry, reader.content());
            } else if (entry.isDirectory()) {
                visitor.directory(path, entry);
            }
        }
        layout.finish();
        return layout;
    }
}
