package io.paasruntime.spi.identity;

import java.util.Objects;

/**
 * A new tenant and its first user. Inputs are already validated by the core. {@link #toString()}
 * hides the password.
 */
public record SignupRequest(String email, String password, String tenantName) {
    public SignupRequest {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tenantName, "tenantName");
    }

    @Override
    public String toString() {
        return "SignupRequest[email=" + email + ", tenantName=" + tenantName + "]";
    }
}
