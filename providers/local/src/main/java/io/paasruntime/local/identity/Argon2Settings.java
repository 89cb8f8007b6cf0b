package io.paasruntime.local.identity;

import io.paasruntime.spi.ProviderException;

/**
 * Cost of an Argon2id hash. The defaults (19 MiB, 2 passes, 1 lane) are OWASP's minimum
 * recommendation for Argon2id.
 *
 * @param memoryKib   memory per hash in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
record Argon2Settings(int memoryKib, int iterations, int parallelism) {
    /** Refuses costs so high that a stored hash could exhaust memory while being checked. */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;

    Argon2Settings {
        if (parallelism < 1 || parallelism > 255) {
            throw ProviderException.invalid("identity.argon2.parallelism", "identity.argon2.parallelism must be 1 to 255");
        }
        if (iterations < 1 || iterations > 100) {
            throw ProviderException.invalid("identity.argon2.iterations", "identity.argon2.iterations must be 1 to 100");
        }
        // Argon2 needs at least 8 KiB per lane.
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw ProviderException.invalid("identity.argon2.memory-kib",
                    "identity.argon2.memory-kib must be between 8 x parallelism and " + MAX_MEMORY_KIB);
        }
    }
}
