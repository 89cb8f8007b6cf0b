package io.paasruntime.store.jdbc;

import io.paasruntime.spi.store.AppSettingsRepository;
import io.paasruntime.spi.store.ProcessFormation;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Formations and config vars in PostgreSQL, one row per process type and per var. */
final class JdbcSettings implements AppSettingsRepository {
    private final SqlRunner sql;

    JdbcSettings(SqlRunner sql) {
        this.sql = sql;
    }

    @Override
    public Map<String, ProcessFormation> formation(UUID appId) {
        return Map.copyOf(sql.call(SettingsMapper.class, m -> m.formation(appId)).stream()
                .collect(Collectors.toMap(ProcessFormation::type, Function.identity())));
    }

    @Override
    public void putFormation(UUID appId, ProcessFormation formation) {
        sql.run(SettingsMapper.class, m -> m.putFormation(appId, formation));
    }

    @Override
    public Map<String, String> configVars(UUID appId) {
        return Map.copyOf(sql.call(SettingsMapper.class, m -> m.configVars(appId)).stream()
                .collect(Collectors.toMap(SettingsMapper.ConfigVar::name, SettingsMapper.ConfigVar::value)));
    }

    @Override
    public void replaceConfigVars(UUID appId, Map<String, String> vars) {
        String[] names = vars.keySet().toArray(String[]::new);
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = vars.get(names[i]);
        }
        // One session: the delete and the insert commit together.
        sql.run(SettingsMapper.class, m -> {
            m.deleteConfigVars(appId);
            if (names.length > 0) {
                m.insertConfigVars(appId, names, values);
            }
        });
    }
}
