package io.paasruntime.local.orchestration;

import io.paasruntime.local.telemetry.LocalProcessTable;
import io.paasruntime.spi.orchestration.AppProcesses;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One instance ({@code web.1}) kept running by its own virtual thread: started, watched until it
 * is up (a {@code web} instance when its {@code PORT} accepts connections, others once they have
 * run {@link #NON_WEB_UP_AFTER}), restarted after a crash with {@link CrashBackoff}, and stopped on
 * request (SIGTERM to its process group, SIGKILL after the grace period). A {@code web} instance's
 * port counts only when a process of its own app answers there ({@link PortAnswer}), checked again
 * every second while it is up. Thread-safe.
 */
final class SupervisedInstance {
    private static final System.Logger LOG = System.getLogger(SupervisedInstance.class.getName());

    /** A non-web instance counts as up once it has run this long without exiting. */
    static final Duration NON_WEB_UP_AFTER = Duration.ofSeconds(3);
    /** A new instance that crashes this often before it is ever up is given up on. */
    static final int MAX_CRASHES_BEFORE_UP = 3;
    private static final long POLL_MILLIS = 50;
    /** How often the port of an up web instance is checked for its owner (as root). */
    static final Duration PORT_CHECK_EVERY = Duration.ofSeconds(1);

    /** Where an instance is in its life; the API shows the lowercase name. */
    enum State {
        STARTING, UP, CRASHED, STOPPING, DOWN;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How waiting for an instance to come up ended. */
    enum Readiness { PENDING, UP, CRASHING, TIMEOUT, STOPPED }

    private final InstanceSpec spec;
    private final InstanceLauncher launcher;
    private final AppLog log;
    private final LocalProcessTable processTable;
    private final Clock clock;
    private final Duration grace;
    private final java.util.function.Consumer<SupervisedInstance> onDown;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    private State state = State.STARTING;
    private Instant startedAt;
    private int restarts;
    private int crashesBeforeUp;
    private volatile String lastExit = "";
    private InstanceLauncher.LaunchedProcess current;
    private boolean stopRequested;
    private Thread supervisor;

    SupervisedInstance(InstanceSpec spec, InstanceLauncher launcher, AppLog log, LocalProcessTable processTable, Clock clock,
                       Duration grace, java.util.function.Consumer<SupervisedInstance> onDown) {
        this.spec = spec;
        this.launcher = launcher;
        this.log = log;
        this.processTable = processTable;
        this.clock = clock;
        this.grace = grace;
        this.onDown = onDown;
    }

    void start() {
        supervisor = Thread.ofVirtual().name("instance-" + spec.app().appName() + "-" + spec.slot()).start(this::supervise);
    }

    InstanceSpec spec() {
        return spec;
    }

    String id() {
        return spec.id();
    }

    boolean isWeb() {
        return spec.port().isPresent();
    }

    /** Requests the router is forwarding to this instance right now. */
    AtomicInteger inFlight() {
        return inFlight;
    }

    State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    boolean isUp() {
        return state() == State.UP;
    }

    AppProcesses.Instance snapshot() {
        lock.lock();
        try {
            boolean running = current != null && state != State.DOWN;
            return new AppProcesses.Instance(spec.id(), state.wireName(), running ? Optional.ofNullable(startedAt) : Optional.empty(),
                    restarts, spec.port().isPresent() ? Optional.of(spec.port().getAsInt()) : Optional.empty());
        } finally {
            lock.unlock();
        }
    }

    /** Whether the instance is up yet, given up on, or still {@code PENDING} before {@code deadline}. */
    Readiness readiness(Instant deadline) {
        lock.lock();
        try {
            if (state == State.UP) {
                return Readiness.UP;
            }
            if (stopRequested || state == State.DOWN) {
                return Readiness.STOPPED;
            }
            if (crashesBeforeUp >= MAX_CRASHES_BEFORE_UP) {
                return Readiness.CRASHING;
            }
            return Instant.now().isAfter(deadline) ? Readiness.TIMEOUT : Readiness.PENDING;
        } finally {
            lock.unlock();
        }
    }

    /** Why {@link #readiness} is not {@code UP}, in words for the release's status. */
    String describe(Readiness readiness, Duration timeout) {
        lock.lock();
        try {
            return switch (readiness) {
                case CRASHING -> id() + " crashed " + crashesBeforeUp + " times before it was up (last: " + lastExit + ")";
                case TIMEOUT -> isWeb()
                        ? id() + " did not accept connections on its PORT " + spec.port().getAsInt() + " within " + seconds(timeout)
                                + (crashesBeforeUp > 0 ? " (it crashed " + crashesBeforeUp + " times, last: " + lastExit + ")" : "")
                        : id() + " did not keep running for " + seconds(NON_WEB_UP_AFTER) + " within " + seconds(timeout);
                case STOPPED -> "the app was stopped while " + id() + " was starting";
                case UP -> id() + " is up";
                case PENDING -> id() + " is starting";
            };
        } finally {
            lock.unlock();
        }
    }

    /** Stops the instance for good and waits until its processes are gone. */
    void stop() {
        InstanceLauncher.LaunchedProcess process;
        lock.lock();
        try {
            if (state == State.DOWN) {
                return;
            }
            stopRequested = true;
            state = State.STOPPING;
            process = current;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (process != null) {
            terminate(process);
        }
        try {
            if (supervisor != null && !supervisor.join(grace.plusSeconds(10))) {
                log.event(id(), id() + " did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void supervise() {
        CrashBackoff backoff = new CrashBackoff();
        try {
            while (true) {
                InstanceLauncher.LaunchedProcess process = launch();
                long began = System.nanoTime();
                if (process != null) {
                    try {
                        watchUntilExit(process);
                    } finally {
                        processTable.exited(spec.app().appId(), spec.slot());
                    }
                }
                Duration ran = Duration.ofNanos(System.nanoTime() - began);
                Duration delay;
                lock.lock();
                try {
                    current = null;
                    if (stopRequested) {
                        return;
                    }
                    if (state != State.UP) {
                        crashesBeforeUp++;
                    }
                    state = State.CRASHED;
                    delay = backoff.next(ran);
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
                log.event(id(), id() + " crashed (" + lastExit + ") after " + seconds(ran) + "; restarting in " + seconds(delay));
                if (!sleepUnlessStopped(delay)) {
                    return;
                }
                lock.lock();
                try {
                    restarts++;
                } finally {
                    lock.unlock();
                }
                processTable.restarted(spec.app().appId(), spec.type(), id(), clock.instant());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finishDown();
        }
    }

    /** Starts the process; null (recorded as the exit reason) when it could not be started. */
    private InstanceLauncher.LaunchedProcess launch() {
        InstanceLauncher.LaunchedProcess process;
        try {
            process = launcher.launch(spec);
        } catch (IOException | RuntimeException e) {
            // the cause names host paths and the launcher's tools: the operator's log has it, the tenant gets the gist
            LOG.log(System.Logger.Level.WARNING, "cannot start " + id() + " of app " + spec.app().appId() + ": " + e);
            lastExit = "could not start (the runtime could not launch the process)";
            return null;
        }
        boolean stopNow;
        lock.lock();
        try {
            current = process;
            startedAt = clock.instant();
            stopNow = stopRequested;
            if (!stopNow) {
                state = State.STARTING;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (stopNow) {
            terminate(process); // stop() may have looked before this process existed
            return process;
        }
        log.event(id(), "starting " + id() + " of v" + spec.version() + ": " + spec.command());
        processTable.started(new LocalProcessTable.RunningInstance(spec.app().appId(), spec.type(), id(), spec.slot(), process.pid()));
        OutputPump.start("out-" + spec.slot(), process.process().getInputStream(), line -> log.output(spec.type(), id(), "stdout", line));
        OutputPump.start("err-" + spec.slot(), process.process().getErrorStream(), line -> log.output(spec.type(), id(), "stderr", line));
        return process;
    }

    private void watchUntilExit(InstanceLauncher.LaunchedProcess process) throws InterruptedException {
        Process p = process.process();
        if (isWeb()) {
            boolean squatReported = false;
            while (p.isAlive() && !stopping()) {
                PortAnswer answer = PortAnswer.probe(spec.port().getAsInt(), launcher.appUid(spec), 200);
                if (answer == PortAnswer.APP) {
                    markUp();
                    break;
                }
                if (answer == PortAnswer.OTHER && !squatReported) {
                    squatReported = true; // the instance stays starting: its requests must not reach that process
                    log.event(id(), id() + ": a process that is not this app's answers on its PORT " + spec.port().getAsInt()
                            + "; waiting for the app to listen there");
                }
                p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
            watchPortWhileUp(p);
        } else if (!p.waitFor(NON_WEB_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS)) {
            markUp();
        }
        int code = p.waitFor();
        lastExit = code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
        if (!stopping() && ProcessGroups.groupAlive(process.pid())) {
            ProcessGroups.signal(process.pid(), "KILL"); // its leader died: end what it left behind
        }
    }

    /**
     * While the process runs: every {@link #PORT_CHECK_EVERY}, who answers on the port. An up
     * instance may close its listener and keep running (a server thread that died, a reload); a
     * process of another uid that binds the port then must not get the app's requests, so the
     * instance is starting again (out of the router's rotation) until its own process answers.
     */
    private void watchPortWhileUp(Process p) throws InterruptedException {
        OptionalInt uid = launcher.appUid(spec);
        if (uid.isEmpty()) {
            return; // apps share the runtime's uid: there is no other owner to tell apart
        }
        while (!p.waitFor(PORT_CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS) && !stopping()) {
            PortAnswer answer = PortAnswer.probe(spec.port().getAsInt(), uid, 200);
            if (answer == PortAnswer.OTHER && markStartingAgain()) {
                log.event(id(), id() + ": a process that is not this app's answers on its PORT " + spec.port().getAsInt()
                        + "; it gets no requests until the app listens there again");
            } else if (answer == PortAnswer.APP) {
                markUp();
            }
        }
    }

    /** UP back to STARTING; whether it was up. */
    private boolean markStartingAgain() {
        lock.lock();
        try {
            if (state != State.UP) {
                return false;
            }
            state = State.STARTING;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void markUp() {
        lock.lock();
        try {
            if (state != State.STARTING) {
                return;
            }
            state = State.UP;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        log.event(id(), id() + " is up" + (isWeb() ? " on port " + spec.port().getAsInt() : ""));
    }

    private boolean stopping() {
        lock.lock();
        try {
            return stopRequested;
        } finally {
            lock.unlock();
        }
    }

    private boolean sleepUnlessStopped(Duration delay) throws InterruptedException {
        Instant until = Instant.now().plus(delay);
        lock.lock();
        try {
            while (!stopRequested) {
                long left = Duration.between(Instant.now(), until).toMillis();
                if (left <= 0) {
                    return true;
                }
                changed.await(left, TimeUnit.MILLISECONDS);
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void terminate(InstanceLauncher.LaunchedProcess process) {
        Process p = process.process();
        ProcessGroups.signal(process.pid(), "TERM");
        p.destroy(); // reaches the process even in the instant before setsid made its group
        Instant deadline = Instant.now().plus(grace);
        try {
            p.waitFor(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (p.isAlive() || !ProcessGroups.awaitGone(process.pid(), deadline)) {
            log.event(id(), id() + " did not stop within " + seconds(grace) + "; killing it");
            ProcessGroups.signal(process.pid(), "KILL");
            p.destroyForcibly();
            ProcessGroups.awaitGone(process.pid(), Instant.now().plusSeconds(5));
        }
    }

    private void finishDown() {
        lock.lock();
        try {
            state = State.DOWN;
            current = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            launcher.cleanUp(spec);
        } catch (IOException e) {
            log.event(id(), "could not remove the run directory of " + id() + ": " + e.getMessage());
        }
        log.event(id(), id() + " stopped");
        onDown.accept(this);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
