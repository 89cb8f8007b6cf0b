package io.paasruntime.server.http;

import io.helidon.security.AuthenticationResponse;
import io.helidon.security.ProviderRequest;
import io.helidon.security.Subject;
import io.helidon.security.spi.AuthenticationProvider;
import io.paasruntime.core.accounts.Accounts;
import io.paasruntime.core.errors.RuntimeError;
import io.paasruntime.core.errors.Unauthorized;
import io.paasruntime.spi.identity.Principal;

import java.util.List;
import java.util.Locale;

/**
 * A Helidon Security authentication provider that hands the bearer token to the runtime's identity
 * provider (whatever the config selected: local, Keycloak, …), which checks signature, algorithm,
 * {@code exp}, {@code nbf}, {@code iss} and {@code aud}. The verified caller travels in the
 * {@link Subject} as a private credential.
 */
public final class RuntimeTokenProvider implements AuthenticationProvider {
    static final String AUTHORIZATION = "Authorization";

    private final Accounts accounts;

    public RuntimeTokenProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuthenticationResponse authenticate(ProviderRequest request) {
        List<String> values = request.env().headers().getOrDefault(AUTHORIZATION, List.of());
        if (values.isEmpty()) {
            return AuthenticationResponse.failed("missing bearer token: send 'Authorization: Bearer <token>'");
        }
        String value = values.getFirst().trim();
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return AuthenticationResponse.failed("the Authorization header must be 'Bearer <token>'");
        }
        try {
            Principal principal = accounts.authenticate(value.substring(7).trim());
            Subject subject = Subject.builder()
                    .principal(io.helidon.security.Principal.create(principal.subject()))
                    .addPrivateCredential(Principal.class, principal)
                    .build();
            return AuthenticationResponse.success(subject);
        } catch (Unauthorized e) {
            return AuthenticationResponse.failed(e.getMessage());
        } catch (RuntimeError e) {
            // e.g. the identity provider is unreachable: not the caller's fault, so not a 401
            return AuthenticationResponse.failed(e.getMessage(), e);
        }
    }
}
