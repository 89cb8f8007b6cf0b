package io.paasruntime.local.orchestration;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the local orchestrator keeps its files, all below {@code <dataDir>/local}:
 * <pre>
 * artifacts/sha256/&lt;hex&gt;.tar.gz    uploaded artifacts, content-addressed
 * artifacts/incoming/                 uploads being checked
 * releases/&lt;appId&gt;/v&lt;n&gt;/          each release unpacked (the apps' working directory)
 * run/&lt;appId&gt;/&lt;slot&gt;/{home,tmp}    per-instance HOME and TMPDIR
 * run/pids/&lt;appId&gt;/&lt;slot&gt;.pid      pid and start time of every running instance
 * routes.properties                   appId = router port
 * </pre>
 */
record LocalDataLayout(Path root) {

    static LocalDataLayout under(Path dataDir) {
        return new LocalDataLayout(dataDir.toAbsolutePath().normalize().resolve("local"));
    }

    Path artifacts() {
        return root.resolve("artifacts");
    }

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

    Path pidFiles() {
        return runRoot().resolve("pids");
    }

    Path routesFile() {
        return root.resolve("routes.properties");
    }
}
