package io.paasruntime.cli.local;

import java.util.Optional;

/**
 * Who is logged in to which server: what {@code paas login} stores.
 *
 * @param api    the API base URL the token was issued by
 * @param token  the bearer token (never printed)
 * @param email  the user's email
 * @param tenant the tenant's name when known (from signup), else its id from the token
 */
public record Credentials(String api, String token, String email, Optional<String> tenant) {
    public Credentials {
        if (api == null || api.isBlank() || token == null || token.isBlank()) {
            throw new IllegalArgumentException("credentials need an api and a token");
        }
        email = email == null ? "" : email;
        tenant = tenant == null ? Optional.empty() : tenant;
    }

    @Override
    public String toString() {
        return "Credentials[api=" + api + ", email=" + email + ", token=***]";
    }
}
