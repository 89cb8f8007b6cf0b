package io.paasruntime.core.addons;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.database.DatabaseProvider;
import io.paasruntime.spi.database.DatabaseRequest;
import io.paasruntime.spi.database.ProvisionedDatabase;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A database provider double: remembers what exists, and fails the next call when told to. */
final class RecordingDatabases implements DatabaseProvider {
    final Map<String, DatabaseRequest> databases = new ConcurrentHashMap<>();
    final List<String> deprovisioned = new CopyOnWriteArrayList<>();
    final List<DatabaseRequest> requests = new CopyOnWriteArrayList<>();
    private volatile ProviderException nextFailure;

    void failNext(ProviderException failure) {
        nextFailure = failure;
    }

    @Override
    public List<String> plans() {
        return List.of("dev", "standard");
    }

    @Override
    public ProvisionedDatabase provision(DatabaseRequest request) {
        requests.add(request);
        failIfTold();
        String ref = "db_" + request.addonId().toString().replace("-", "");
        databases.put(ref, request);
        return new ProvisionedDatabase(ref, "postgres://" + ref + ":pw-" + request.addonId() + "@db:5432/" + ref);
    }

    @Override
    public void deprovision(String externalRef) {
        failIfTold();
        databases.remove(externalRef);
        deprovisioned.add(externalRef);
    }

    @Override
    public String status(String externalRef) {
        return databases.containsKey(externalRef) ? "available" : "missing";
    }

    private void failIfTold() {
        ProviderException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }
}
