package io.paasruntime.local.telemetry;

import io.paasruntime.spi.ProviderContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the local orchestrator tells the local metrics about: which instance runs as which process
 * (its pid leads the instance's process group), when an instance was restarted after a crash, and
 * how many requests each app's router answered. Shared between them through
 * {@link #shared(ProviderContext)}. Kept in memory only: restart events of the last
 * {@link #KEEP_RESTARTS} and request counts are lost when the server restarts. Thread-safe.
 */
public final class LocalProcessTable {
    public static final Duration KEEP_RESTARTS = Duration.ofDays(7);
    private static final int MAX_RESTARTS_PER_APP = 10_000;

    private final Map<String, RunningInstance> running = new ConcurrentHashMap<>(); // by app and slot: slots are per app
    private final Map<UUID, Deque<Restart>> restarts = new ConcurrentHashMap<>();
    private final Map<UUID, ServedRequests> served = new ConcurrentHashMap<>();

    /** One started instance. {@code slot} is unique per start of an instance of the app; {@code pid} leads its group. */
    public record RunningInstance(UUID appId, String process, String instance, String slot, long pid) {
        public RunningInstance {
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(process, "process");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(slot, "slot");
        }

        /** The instance start among those of every app. */
        String key() {
            return appId + "/" + slot;
        }
    }

    /** An instance restarted after it crashed. */
    public record Restart(String process, String instance, Instant at) {
    }

    /** The table of this runtime; a table of its own when the host shares no objects. */
    public static LocalProcessTable shared(ProviderContext context) {
        try {
            return context.shared(LocalProcessTable.class, LocalProcessTable::new);
        } catch (UnsupportedOperationException e) {
            return new LocalProcessTable();
        }
    }

    /** An instance's process started; it replaces what the slot ran before. */
    public void started(RunningInstance instance) {
        running.put(instance.key(), instance);
    }

    /** The process of the app's {@code slot} exited or was stopped. */
    public void exited(UUID appId, String slot) {
        running.remove(appId + "/" + slot);
    }

    /** An instance is being restarted after a crash. */
    public void restarted(UUID appId, String process, String instance, Instant at) {
        Deque<Restart> events = restarts.computeIfAbsent(appId, id -> new ArrayDeque<>());
        synchronized (events) {
            events.addLast(new Restart(process, instance, at));
            Instant horizon = at.minus(KEEP_RESTARTS);
            while (events.size() > MAX_RESTARTS_PER_APP || events.getFirst().at().isBefore(horizon)) {
                events.removeFirst();
            }
        }
    }

    /** The request count of the app's router: the same object for every call until {@link #forget}. */
    public ServedRequests servedRequests(UUID appId) {
        return served.computeIfAbsent(appId, id -> new ServedRequests());
    }

    /** The request counts of the apps that have a router. */
    Map<UUID, ServedRequests> servedRequests() {
        return Map.copyOf(served);
    }

    /** Every instance running now. */
    public List<RunningInstance> running() {
        return List.copyOf(running.values());
    }

    /** The app's restarts at or after {@code since}, oldest first. */
    public List<Restart> restarts(UUID appId, Instant since) {
        Deque<Restart> events = restarts.get(appId);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            List<Restart> found = new ArrayList<>();
            for (Restart r : events) {
                if (!r.at().isBefore(since)) {
                    found.add(r);
                }
            }
            return found;
        }
    }

    /** Forgets an app that is gone for good. */
    public void forget(UUID appId) {
        restarts.remove(appId);
        served.remove(appId);
        running.values().removeIf(i -> i.appId().equals(appId));
    }
}
