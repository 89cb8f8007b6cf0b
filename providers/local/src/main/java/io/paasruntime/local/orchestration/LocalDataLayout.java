package io.paasruntime.local.orchestration;

import java.nio.file.Path;

/**
 * Where the local orchestrator keeps its own files, all below {@code <dataDir>/local}; none of them
 * is for the apps (their files are in the {@link AppTree}, which is this same directory unless the
 * apps cannot reach it):
 * <pre>
 * artifacts/sha256/&lt;hex&gt;.tar.gz    uploaded artifacts, content-addressed
 * artifacts/incoming/                 uploads being checked
 * logs/                               captured app output
 * run/pids/&lt;appId&gt;/&lt;slot&gt;.pid      pid and start time of every running instance
 * routes.properties                   appId = router port
 * uids.properties                     appId = the uid its processes run as (runtime as root)
 * </pre>
 */
record LocalDataLayout(Path root) {

    static LocalDataLayout under(Path dataDir) {
        return new LocalDataLayout(dataDir.toAbsolutePath().normalize().resolve("local"));
    }

    Path artifacts() {
        return root.resolve("artifacts");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path pidFiles() {
        return root.resolve("run").resolve("pids");
    }

    Path routesFile() {
        return root.resolve("routes.properties");
    }

    Path uidsFile() {
        return root.resolve("uids.properties");
    }
}
