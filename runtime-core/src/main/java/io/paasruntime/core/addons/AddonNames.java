package io.paasruntime.core.addons;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Add-on names (DNS labels, unique per tenant) and the config vars they give: the first database of
 * an app is {@code DATABASE_URL}, later ones {@code <NAME>_DATABASE_URL}.
 */
final class AddonNames {
    static final String PRIMARY_VAR = "DATABASE_URL";
    static final String RULE = "must be 3-40 lowercase letters, digits or hyphens, start with a letter"
            + " and not end with a hyphen";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,38}[a-z0-9]");
    private static final List<String> ADJECTIVES = List.of("amber", "brisk", "calm", "deep", "eager", "fair",
            "gentle", "hardy", "ivory", "jolly", "keen", "lucid", "mellow", "noble", "opal", "proud", "quiet",
            "rapid", "silver", "tidy", "urban", "vivid", "warm", "young", "zesty");

    private final RandomGenerator random;

    AddonNames(RandomGenerator random) {
        this.random = random;
    }

    AddonNames() {
        this(new SecureRandom());
    }

    static boolean valid(String name) {
        return NAME.matcher(name).matches();
    }

    /** e.g. {@code postgresql-amber-48213}. */
    String generate() {
        return "postgresql-" + ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + random.nextInt(10000, 100000);
    }

    /** {@code shop-db} → {@code SHOP_DB_DATABASE_URL}. */
    static String namedVar(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + PRIMARY_VAR;
    }
}
