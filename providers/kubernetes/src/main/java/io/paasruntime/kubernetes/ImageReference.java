package io.paasruntime.kubernetes;

import io.paasruntime.spi.ProviderException;

import java.util.regex.Pattern;

/**
 * Checks a container image reference ({@code [registry[:port]/]path[:tag][@sha256:digest]}) with the
 * grammar of the distribution project's reference package, so a typo fails the deploy instead of
 * ending in an {@code InvalidImageName} pod.
 */
final class ImageReference {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST = "[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?";
    // a first segment is a registry only with a dot, a port or as localhost (as docker reads it)
    private static final String DOMAIN = "(?:localhost(?::[0-9]+)?|" + HOST + "(?:\\." + HOST + ")+(?::[0-9]+)?|"
            + HOST + ":[0-9]+)";
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:" + DOMAIN + "/)?" + COMPONENT + "(?:/" + COMPONENT + ")*"
                    + "(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");
    private static final int MAX_LENGTH = 512;

    private ImageReference() {
    }

    /** The reference, trimmed, or {@code INVALID} on field {@code image}. */
    static String check(String image) {
        String ref = image == null ? "" : image.strip();
        if (ref.isEmpty()) {
            throw ProviderException.invalid("image", "is required: a container image reference such as registry.example.com/team/app:1.2");
        }
        if (ref.length() > MAX_LENGTH || !REFERENCE.matcher(ref).matches()) {
            throw ProviderException.invalid("image", "'" + abbreviated(ref) + "' is not a container image reference "
                    + "(expected [registry/]name[:tag][@sha256:digest], lowercase name)");
        }
        return ref;
    }

    private static String abbreviated(String ref) {
        return ref.length() <= 80 ? ref : ref.substring(0, 80) + "…";
    }
}
