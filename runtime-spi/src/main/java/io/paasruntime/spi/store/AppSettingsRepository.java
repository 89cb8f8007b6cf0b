package io.paasruntime.spi.store;

import java.util.Map;
import java.util.UUID;

/** An app's formation and config vars: the mutable settings the next release picks up. */
public interface AppSettingsRepository {
    /** Process type → formation. */
    Map<String, ProcessFormation> formation(UUID appId);

    void putFormation(UUID appId, ProcessFormation formation);

    /** Config vars, key → value. */
    Map<String, String> configVars(UUID appId);

    /** Replaces all config vars of the app. */
    void replaceConfigVars(UUID appId, Map<String, String> vars);
}
