package io.paasruntime.core.support;

import java.util.UUID;

/** Makes ids for new resources; tests inject a predictable one. */
@FunctionalInterface
public interface IdGenerator {
    UUID next();
}
