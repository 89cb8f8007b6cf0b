package io.paasruntime.local.orchestration;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The files the apps themselves use, below a root their uids can walk down to (see
 * {@link AppTreeLocation}; modes in {@link AppDirectories}):
 * <pre>
 * releases/&lt;appId&gt;/v&lt;n&gt;/          each release unpacked (the apps' working directory)
 * run/&lt;appId&gt;/&lt;slot&gt;/{home,tmp}    per-instance HOME and TMPDIR
 * unpacking/&lt;appId&gt;-v&lt;n&gt;/        a release being unpacked: the runtime's alone, moved into
 *                                  releases/ once complete
 * </pre>
 */
record AppTree(Path root) {

    Path releasesRoot() {
        return root.resolve("releases");
    }

    Path releases(UUID appId) {
        return releasesRoot().resolve(appId.toString());
    }

    Path release(UUID appId, int version) {
        return releases(appId).resolve("v" + version);
    }

    Path unpackingRoot() {
        return root.resolve("unpacking");
    }

    Path unpacking(UUID appId, int version) {
        return unpackingRoot().resolve(appId + "-v" + version);
    }

    Path runRoot() {
        return root.resolve("run");
    }

    Path runDir(UUID appId) {
        return runRoot().resolve(appId.toString());
    }

    /** The directory of one instance, holding its {@code home} and {@code tmp}. */
    Path instanceDir(UUID appId, String slot) {
        return runDir(appId).resolve(slot);
    }
}
