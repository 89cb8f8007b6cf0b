package io.paasruntime.postgres;

import io.paasruntime.spi.ProviderException;

import java.util.List;

/**
 * What an add-on plan buys: how many sessions its role may hold at once (set on the role and on
 * the database, so neither a leaked pool nor a second client can take the server's slots).
 */
record Plan(String name, int connectionLimit) {
    static final Plan DEV = new Plan("dev", 5);
    static final Plan STANDARD = new Plan("standard", 20);
    /** The default first. */
    static final List<Plan> ALL = List.of(DEV, STANDARD);

    static Plan named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow(() ->
                ProviderException.invalid("plan", "unknown plan '" + name + "'; plans: "
                        + String.join(", ", ALL.stream().map(Plan::name).toList())));
    }
}
