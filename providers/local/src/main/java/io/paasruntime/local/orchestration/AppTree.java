package io.paasruntime.local.orchestration;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The files the apps themselves use, below a root their uids can walk down to (see
 * {@link AppTreeLocation}):
 * <pre>
 * releases/&lt;appId&gt;/v&lt;n&gt;/          each release unpacked (the apps' working directory)
 * run/&lt;appId&gt;/&lt;slot&gt;/{home,tmp}    per-instance HOME and TMPDIR
 * </pre>
 */
record AppTree(Path root) {

    Path releases(UUID appId) {
        return root.resolve("releases").resolve(appId.toString());
    }

    Path release(UUID appId, int version) {
        return releases(appId).resolve("v" + version);
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
