package io.paasruntime.keycloak;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.Account;
import io.paasruntime.spi.identity.SignupRequest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.UUID;

/**
 * Signup in Keycloak: the tenant becomes an organization, the user a member of it, and the tenant id
 * (generated here) is stored on both, so the user's tokens carry it. Keycloak has no transaction
 * spanning these calls, so each created resource is remembered and, when a later step fails,
 * deleted again: no user is left without a tenant and no tenant without a user. Thread-safe.
 */
final class TenantSignup {
    private static final System.Logger LOG = System.getLogger(TenantSignup.class.getName());

    private final KeycloakAdmin admin;

    TenantSignup(KeycloakAdmin admin) {
        this.admin = admin;
    }

    Account signup(SignupRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        String tenantName = request.tenantName();
        UUID tenantId = UUID.randomUUID();
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            String organizationId = admin.createOrganization(tenantName, tenantId);
            undo.push(() -> admin.deleteOrganization(organizationId));
            String userId = admin.createUser(email, request.password(), tenantId);
            undo.push(() -> admin.deleteUser(userId));
            if (!admin.hasTenantAttribute(userId, tenantId)) {
                throw ProviderException.internal("Keycloak dropped the user attribute " + admin.tenantAttribute()
                        + ": declare it in the realm's user profile (admin may view and edit), see docs/keycloak.md", null);
            }
            admin.addMember(organizationId, userId);
            return new Account(UUID.fromString(userId), email, tenantId, tenantName);
        } catch (RuntimeException e) {
            compensate(undo, e, tenantName);
            throw e instanceof ProviderException ? e : ProviderException.internal("signup failed: " + e.getMessage(), e);
        }
    }

    /** Undoes the steps that succeeded, newest first; a failed undo is logged and kept on {@code cause}. */
    private static void compensate(Deque<Runnable> undo, RuntimeException cause, String tenantName) {
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (RuntimeException undoFailure) {
                cause.addSuppressed(undoFailure);
                LOG.log(System.Logger.Level.ERROR, "signup of tenant " + tenantName + " failed half-way and could not "
                        + "be undone; remove the leftover user or organization in Keycloak: " + undoFailure.getMessage());
            }
        }
    }
}
