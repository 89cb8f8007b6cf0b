package io.paasruntime.core.secrets;

import io.paasruntime.spi.store.AppSettingsRepository;
import io.paasruntime.spi.store.ProcessFormation;

import java.util.Map;
import java.util.UUID;

/** An app's settings with config var values sealed in the store underneath and plain above it. */
final class SealedSettings implements AppSettingsRepository {
    private final AppSettingsRepository stored;
    private final ConfigSealer sealer;

    SealedSettings(AppSettingsRepository stored, ConfigSealer sealer) {
        this.stored = stored;
        this.sealer = sealer;
    }

    @Override
    public Map<String, ProcessFormation> formation(UUID appId) {
        return stored.formation(appId);
    }

    @Override
    public void putFormation(UUID appId, ProcessFormation formation) {
        stored.putFormation(appId, formation);
    }

    @Override
    public Map<String, String> configVars(UUID appId) {
        return sealer.open(appId, stored.configVars(appId));
    }

    @Override
    public void replaceConfigVars(UUID appId, Map<String, String> vars) {
        stored.replaceConfigVars(appId, sealer.seal(appId, vars));
    }
}
