package io.paasruntime.postgres;

import io.paasruntime.spi.ProviderException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The role and database name of one add-on. Both are {@code addon_} plus the add-on id's 32 hex
 * digits: derived from the id alone (never from user input), so they are valid unquoted and cannot
 * clash between add-ons; the role and database share the name, which is also the external ref.
 */
record AddonIdentity(String name) {
    static final String PREFIX = "addon_";
    private static final Pattern NAME = Pattern.compile(PREFIX + "[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    AddonIdentity {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProviderException.invalid("externalRef", "not a reference this provider issued");
        }
    }

    static AddonIdentity of(UUID addonId) {
        return new AddonIdentity(PREFIX + addonId.toString().replace("-", ""));
    }

    /** 32 random bytes as 43 URL-safe characters: no quoting or escaping needed anywhere. */
    static char[] newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    /** {@code postgres://role:password@host:port/db}, each part percent-encoded. */
    String url(char[] password, String host, int port) {
        String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "postgres://" + encode(name) + ":" + encode(new String(password)) + "@" + shownHost + ":" + port
                + "/" + encode(name);
    }

    /** The name as a quoted SQL identifier (it never holds a quote, but it is quoted everywhere all the same). */
    String quoted() {
        return "\"" + name + "\"";
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
