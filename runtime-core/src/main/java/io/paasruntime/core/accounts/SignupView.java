package io.paasruntime.core.accounts;

/** {@code {"user":{"id","email"},"tenant":{"id","name"}}} */
public record SignupView(UserView user, TenantView tenant) {
    public record UserView(String id, String email) {
    }

    public record TenantView(String id, String name) {
    }
}
