package io.paasruntime.spi.store;

import java.util.Optional;
import java.util.UUID;

/** Users; emails are unique case-insensitively across all tenants. */
public interface UserRepository {
    /** @throws io.paasruntime.spi.ProviderException {@code CONFLICT} when the email is taken */
    void insert(User user);

    Optional<User> findById(UUID id);

    /** Case-insensitive. */
    Optional<User> findByEmail(String email);
}
