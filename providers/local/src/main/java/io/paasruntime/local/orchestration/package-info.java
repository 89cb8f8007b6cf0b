/**
 * The embedded {@code local} orchestrator: deploys run as real OS processes on this machine.
 *
 * <p>A deploy uploads a {@code .tar.gz} with a {@code Procfile} at its root. {@link
 * io.paasruntime.local.orchestration.LocalOrchestrator#prepare} checks it (size, gzip, tar, safe
 * paths, Procfile) and stores it content-addressed; {@code apply} unpacks it into the release's own
 * directory and starts each process type's instances ({@code web.1}, {@code worker.1}) as
 * {@code /bin/sh -c <command>}, each in its own process group, with the release's config vars, a
 * {@code PORT} for web instances, {@code PS}, its own HOME and TMPDIR, the size's resource limits
 * and, when the runtime is root, as an unprivileged user.
 *
 * <p>Each app has a router on {@code 127.0.0.1:<port>} (its {@code web_url}, the port kept in
 * {@code routes.properties}) that forwards every HTTP request to one of the serving release's
 * web instances that is up, round-robin. Deploys, rolling restarts and scaling add new instances
 * to the pool once their port accepts connections, and stop old ones only after they left the pool
 * and answered their requests in flight, so clients see no failed request. A release whose web
 * instances do not come up within the health timeout (or crash three times first) fails, and the
 * previous release keeps serving.
 *
 * <p>The process listing shows each instance id ({@code web.1}) once: the instance serving that slot,
 * so during a rolling restart or a release roll the old one until its replacement is up, then the
 * replacement (see {@code AppRuntime#listed}).
 *
 * <p>The runtime's own files stay in {@code <dataDir>/local}; the apps' files (unpacked releases, each
 * instance's HOME and TMPDIR) go where the apps' uids can reach them without entering the data
 * directory ({@code AppTreeLocation}).
 *
 * <p>Crashed instances restart with back-off (1 s doubling to 60 s). Every instance's pid and start
 * time are kept in a pid file, so the next start of the runtime ends what a killed runtime left
 * running. Output lines and the runtime's events go to {@link io.paasruntime.local.telemetry.LocalLogStore}.
 */
package io.paasruntime.local.orchestration;
