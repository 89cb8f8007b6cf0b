package io.paasruntime.core.providers;

/** The runtime cannot start because of its providers or their config; the message says what to fix. */
public final class ProviderSetupException extends RuntimeException {
    public ProviderSetupException(String message) {
        super(message);
    }

    public ProviderSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
