package io.paasruntime.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception a provider throws across the SPI boundary. The core maps each {@link Kind}
 * to an API error; the message is shown to clients, so it must never contain secrets.
 */
public class ProviderException extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** The input was refused; {@link #field()} names it when there is one. */
        INVALID,
        /** The input is larger than a configured limit; {@link #field()} names it. */
        TOO_LARGE,
        /** The thing asked for does not exist. */
        NOT_FOUND,
        /** The request clashes with existing state (a duplicate name, a concurrent change). */
        CONFLICT,
        /** Credentials or a token were refused. */
        UNAUTHORIZED,
        /** A backing service is down or timed out; retrying later may work. */
        UNAVAILABLE,
        /** A bug or an unexpected state in the provider. */
        INTERNAL
    }

    private final Kind kind;
    private final String field;

    public ProviderException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    public ProviderException(Kind kind, String field, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
    }

    public static ProviderException invalid(String field, String message) {
        return new ProviderException(Kind.INVALID, field, message, null);
    }

    public static ProviderException tooLarge(String field, String message) {
        return new ProviderException(Kind.TOO_LARGE, field, message, null);
    }

    public static ProviderException notFound(String message) {
        return new ProviderException(Kind.NOT_FOUND, message);
    }

    public static ProviderException conflict(String message) {
        return new ProviderException(Kind.CONFLICT, message);
    }

    public static ProviderException unauthorized(String message) {
        return new ProviderException(Kind.UNAUTHORIZED, message);
    }

    public static ProviderException unavailable(String message, Throwable cause) {
        return new ProviderException(Kind.UNAVAILABLE, null, message, cause);
    }

    public static ProviderException internal(String message, Throwable cause) {
        return new ProviderException(Kind.INTERNAL, null, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field an {@code INVALID} error is about, if any. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
