package io.paasruntime.local.identity;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.Account;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.IssuerInfo;
import io.paasruntime.spi.identity.Principal;
import io.paasruntime.spi.identity.SignupRequest;
import io.paasruntime.spi.identity.TokenGrant;
import io.paasruntime.spi.store.StateStore;
import io.paasruntime.spi.store.Tenant;
import io.paasruntime.spi.store.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The embedded identity provider: users and their Argon2id password hashes live in the state
 * store, and it signs RS256 access tokens with its own RSA key (kept in the store too, so tokens
 * survive restarts and every runtime sharing the store accepts them). Thread-safe.
 */
public final class LocalIdentityProvider implements IdentityProvider {
    /** The one answer to every failed login, so it does not reveal which emails have accounts. */
    static final String BAD_CREDENTIALS = "invalid email or password";

    private final StateStore store;
    private final Clock clock;
    private final TokenSettings tokenSettings;
    private final Argon2idHasher hasher;
    private final String dummyHash;
    private final SigningKeyRing keys;
    private final TokenIssuer issuer;
    private final TokenVerifier verifier;

    LocalIdentityProvider(StateStore store, Clock clock, TokenSettings tokenSettings, Argon2Settings argon2) {
        this.store = store;
        this.clock = clock;
        this.tokenSettings = tokenSettings;
        this.hasher = new Argon2idHasher(argon2);
        // Logins for unknown emails are checked against this, so they cost as much as real ones.
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
        this.keys = SigningKeyRing.loadOrCreate(store.signingKeys(), clock);
        this.issuer = new TokenIssuer(tokenSettings, keys, clock);
        this.verifier = new TokenVerifier(tokenSettings, keys, clock);
    }

    @Override
    public Account signup(SignupRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        // Hash outside the transaction: it is the slow part and needs no database.
        String hash = hasher.hash(request.password());
        Instant now = clock.instant();
        Tenant tenant = new Tenant(UuidV7.next(clock), request.tenantName(), now);
        User user = new User(UuidV7.next(clock), tenant.id(), email, Optional.of(hash), now);
        store.transaction(tx -> {
            if (tx.users().findByEmail(email).isPresent()) {
                throw emailTaken();
            }
            if (tx.tenants().findByName(tenant.name()).isPresent()) {
                throw tenantTaken(tenant.name());
            }
            insert(() -> tx.tenants().insert(tenant), tenantTaken(tenant.name()));
            insert(() -> tx.users().insert(user), emailTaken());
            return null;
        });
        return new Account(user.id(), email, tenant.id(), tenant.name());
    }

    /** Runs an insert, turning the store's conflict (a concurrent signup won the race) into {@code clearer}. */
    private static void insert(Runnable insert, ProviderException clearer) {
        try {
            insert.run();
        } catch (ProviderException e) {
            throw e.kind() == ProviderException.Kind.CONFLICT ? clearer : e;
        }
    }

    private static ProviderException emailTaken() {
        return ProviderException.conflict("an account with this email already exists");
    }

    private static ProviderException tenantTaken(String name) {
        return ProviderException.conflict("a tenant named " + name + " already exists");
    }

    @Override
    public TokenGrant login(String email, String password) {
        if (email == null || password == null) {
            throw ProviderException.unauthorized(BAD_CREDENTIALS);
        }
        Optional<User> user = store.users().findByEmail(email.trim().toLowerCase(Locale.ROOT));
        // Always run one Argon2 check, against a dummy when there is no hash, so timing tells nothing.
        String hash = user.flatMap(User::passwordHash).orElse(dummyHash);
        boolean matches = hasher.verify(password, hash);
        if (!matches || user.isEmpty() || user.get().passwordHash().isEmpty()) {
            throw ProviderException.unauthorized(BAD_CREDENTIALS);
        }
        return issuer.issue(user.get());
    }

    @Override
    public Principal verify(String bearerToken) {
        return verifier.verify(bearerToken);
    }

    @Override
    public IssuerInfo issuer() {
        return new IssuerInfo(tokenSettings.issuer(), tokenSettings.audience(), keys.jwksJson());
    }

    @Override
    public String toString() {
        return "LocalIdentityProvider[" + tokenSettings.issuer() + ", " + keys + "]";
    }
}
