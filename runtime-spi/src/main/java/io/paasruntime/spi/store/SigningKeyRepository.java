package io.paasruntime.spi.store;

import java.util.List;

/** Signing keys, newest first. */
public interface SigningKeyRepository {
    List<SigningKey> list();

    /** Stores a key unless one with the same id exists; returns whether it stored. */
    boolean insertIfAbsent(SigningKey key);
}
