package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The resource limits of one local process instance, set with {@code prlimit} before the app's
 * command starts. Memory is the data segment limit ({@code RLIMIT_DATA}: heap and private
 * writable mappings; runtimes that merely reserve address space, like the JVM, still start).
 * The process limit ({@code RLIMIT_NPROC}) counts every process of the user the apps run as, so
 * it is only applied when the runtime runs apps as the dedicated {@code run-as-user}.
 *
 * <ul>
 *   <li>{@code small} (the default): 512 MiB memory, 1024 open files, 256 processes</li>
 *   <li>{@code medium}: 1 GiB memory, 4096 open files, 512 processes</li>
 *   <li>{@code large}: 2 GiB memory, 8192 open files, 1024 processes</li>
 * </ul>
 */
enum ProcessSize {
    SMALL(512L << 20, 1024, 256),
    MEDIUM(1L << 30, 4096, 512),
    LARGE(2L << 30, 8192, 1024);

    final long memoryBytes;
    final int openFiles;
    final int processes;

    ProcessSize(long memoryBytes, int openFiles, int processes) {
        this.memoryBytes = memoryBytes;
        this.openFiles = openFiles;
        this.processes = processes;
    }

    /** The size named {@code name}; blank means {@code small}. */
    static ProcessSize of(String name) {
        if (name == null || name.isBlank()) {
            return SMALL;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProviderException.invalid("size", "unknown process size '" + name + "'; the local orchestrator knows "
                    + Arrays.stream(values()).map(ProcessSize::wireName).collect(Collectors.joining(", ")));
        }
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
