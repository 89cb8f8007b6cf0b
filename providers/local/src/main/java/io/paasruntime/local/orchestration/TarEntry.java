package io.paasruntime.local.orchestration;

/**
 * One member of a tar archive, with GNU long names and pax paths already applied.
 *
 * @param name     the path as written in the archive
 * @param type     the ustar type flag ({@code '0'} file, {@code '1'} hard link, {@code '2'} symlink, {@code '5'} directory …)
 * @param linkName the target of a link, else empty
 */
record TarEntry(String name, char type, long size, int mode, String linkName) {

    boolean isFile() {
        return type == '0' || type == '\0' || type == '7';
    }

    boolean isDirectory() {
        return type == '5';
    }

    boolean isSymlink() {
        return type == '2';
    }

    boolean isHardLink() {
        return type == '1';
    }
}
