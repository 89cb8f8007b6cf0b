package io.paasruntime.local.orchestration;

import io.paasruntime.spi.orchestration.Deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One release as it runs here: its deployment, its unpacked directory, its replica counts (changed
 * by scaling) and the instances that make up its formation now. Thread-safe.
 */
final class ReleaseRun {
    static final String WEB = "web";

    private final Deployment deployment;
    private final Path dir;
    private final Map<String, Integer> replicas = new HashMap<>();
    private final List<SupervisedInstance> instances = new ArrayList<>();

    ReleaseRun(Deployment deployment, Path dir) {
        this.deployment = deployment;
        this.dir = dir;
        deployment.processes().forEach((type, spec) -> replicas.put(type, spec.replicas()));
    }

    Deployment deployment() {
        return deployment;
    }

    Path dir() {
        return dir;
    }

    synchronized int replicas(String type) {
        return replicas.getOrDefault(type, 0);
    }

    synchronized void setReplicas(String type, int n) {
        replicas.put(type, n);
    }

    synchronized void add(SupervisedInstance instance) {
        instances.add(instance);
    }

    synchronized void remove(SupervisedInstance instance) {
        instances.remove(instance);
    }

    synchronized void replace(SupervisedInstance old, SupervisedInstance fresh) {
        int at = instances.indexOf(old);
        if (at < 0) {
            instances.add(fresh);
        } else {
            instances.set(at, fresh);
        }
    }

    /** All instances, by type (web first) and number. */
    synchronized List<SupervisedInstance> all() {
        List<SupervisedInstance> sorted = new ArrayList<>(instances);
        sorted.sort(Comparator.comparing((SupervisedInstance i) -> !i.spec().type().equals(WEB))
                .thenComparing(i -> i.spec().type()).thenComparingInt(i -> i.spec().index()));
        return sorted;
    }

    List<SupervisedInstance> of(String type) {
        return all().stream().filter(i -> i.spec().type().equals(type)).toList();
    }

    List<SupervisedInstance> web() {
        return of(WEB);
    }
}
