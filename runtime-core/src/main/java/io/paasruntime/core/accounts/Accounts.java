package io.paasruntime.core.accounts;

import io.paasruntime.core.audit.Audit;
import io.paasruntime.core.errors.ProviderErrors;
import io.paasruntime.core.errors.Unauthorized;
import io.paasruntime.core.support.Inputs;
import io.paasruntime.core.support.Times;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.Account;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.Principal;
import io.paasruntime.spi.identity.SignupRequest;
import io.paasruntime.spi.identity.TokenGrant;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.store.Tenant;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

/** Signup, login and token verification. Thread-safe. */
public final class Accounts {
    /** Tenant names: like app names but 2–40 characters, digits allowed first. */
    public static final Pattern TENANT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}[a-z0-9]");
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 128;

    /** Tokens already verified, so a client's repeated calls skip the signature check until the token expires. */
    private static final int VERIFIED_CACHE_SIZE = 10_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Principal> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private final IdentityProvider identity;
    private final StateStore store;
    private final Audit audit;
    private final Clock clock;

    public Accounts(IdentityProvider identity, StateStore store, Audit audit, Clock clock) {
        this.identity = identity;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public SignupView signup(String email, String password, String tenantName, String requestId) {
        new Inputs().email("email", email)
                .require(password != null, "password", "is required")
                .require(password == null || (password.length() >= MIN_PASSWORD && password.length() <= MAX_PASSWORD),
                        "password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters")
                .require(tenantName != null, "tenant", "is required")
                .require(tenantName == null || TENANT_NAME.matcher(tenantName).matches(), "tenant",
                        "must be 2-40 lowercase letters, digits or hyphens, not starting or ending with a hyphen")
                .check();
        Account account;
        try {
            account = identity.signup(new SignupRequest(email.toLowerCase(Locale.ROOT), password, tenantName));
            if (store.tenants().findById(account.tenantId()).isEmpty()) {
                store.tenants().insert(new Tenant(account.tenantId(), account.tenantName(), Times.now(clock)));
            }
        } catch (ProviderException e) {
            throw ProviderErrors.translate(e);
        }
        audit.record(account.tenantId(), account.email(), requestId, "tenant.signup", "tenant", account.tenantId(),
                "signed up " + account.email());
        return new SignupView(new SignupView.UserView(account.userId().toString(), account.email()),
                new SignupView.TenantView(account.tenantId().toString(), account.tenantName()));
    }

    public TokenGrant login(String email, String password) {
        new Inputs().require(email != null && !email.isBlank(), "email", "is required")
                .require(password != null && !password.isEmpty(), "password", "is required").check();
        try {
            return identity.login(email.trim().toLowerCase(Locale.ROOT), password);
        } catch (ProviderException e) {
            throw ProviderErrors.translate(e);
        }
    }

    /**
     * The caller of a token this runtime verified before and that has not expired since, without
     * checking its signature again; empty when the token must go through {@link #authenticate}.
     */
    public java.util.Optional<Principal> remembered(String bearerToken) {
        Principal cached = bearerToken == null ? null : verified.get(bearerToken);
        return cached != null && cached.expiresAt().isAfter(clock.instant())
                ? java.util.Optional.of(cached) : java.util.Optional.empty();
    }

    /** The caller a bearer token speaks for. @throws Unauthorized for any token that is not valid */
    public Principal authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new Unauthorized("missing bearer token");
        }
        Principal cached = verified.get(bearerToken);
        if (cached != null) {
            if (cached.expiresAt().isAfter(clock.instant())) {
                return cached;
            }
            verified.remove(bearerToken);
        }
        try {
            Principal principal = identity.verify(bearerToken);
            if (verified.size() >= VERIFIED_CACHE_SIZE) {
                verified.clear();
            }
            verified.put(bearerToken, principal);
            return principal;
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.UNAVAILABLE) {
                throw ProviderErrors.translate(e);
            }
            String reason = e.getMessage() == null ? "invalid token" : e.getMessage();
            throw new Unauthorized(reason.startsWith("invalid token") ? reason : "invalid token: " + reason);
        }
    }
}
