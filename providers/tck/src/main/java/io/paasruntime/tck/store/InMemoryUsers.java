package io.paasruntime.tck.store;

import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.store.User;
import io.paasruntime.spi.store.UserRepository;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Users of an {@link InMemoryStateStore}; emails are unique case-insensitively across tenants. */
final class InMemoryUsers implements UserRepository {
    private final InMemoryStateStore store;

    InMemoryUsers(InMemoryStateStore store) {
        this.store = store;
    }

    @Override
    public void insert(User user) {
        store.locked(t -> {
            if (t.users.containsKey(user.id())) {
                throw ProviderException.conflict("a user with this id already exists");
            }
            if (find(t, user.email()).isPresent()) {
                throw ProviderException.conflict("a user with this email already exists");
            }
            t.users.put(user.id(), user);
            return null;
        });
    }

    @Override
    public Optional<User> findById(UUID id) {
        return store.locked(t -> Optional.ofNullable(t.users.get(id)));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return store.locked(t -> find(t, email));
    }

    private static Optional<User> find(MemoryTables t, String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return t.users.values().stream().filter(u -> u.email().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
