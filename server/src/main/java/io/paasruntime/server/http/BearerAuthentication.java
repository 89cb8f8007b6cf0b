package io.paasruntime.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Security;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityResponse;
import io.helidon.webserver.http.ServerRequest;
import io.paasruntime.core.accounts.Accounts;
import io.paasruntime.core.errors.RuntimeError;
import io.paasruntime.core.errors.Unauthorized;
import io.paasruntime.spi.identity.Principal;

/**
 * Authenticates a request's bearer token through Helidon Security with the
 * {@link RuntimeTokenProvider}. It is called by the endpoint pipeline (rather than installed as
 * Helidon's security handler) so that a refusal is thrown as {@link Unauthorized} and answered by
 * the one error mapper, in the API's error envelope.
 */
public final class BearerAuthentication {
    private static final String BEARER = "Bearer ";
    private final Security security;
    private final Accounts accounts;

    public BearerAuthentication(Accounts accounts) {
        this.accounts = accounts;
        this.security = Security.builder()
                .addAuthenticationProvider(new RuntimeTokenProvider(accounts), "paas-bearer")
                .disableTracing()
                .build();
    }

    /** @throws Unauthorized for a missing or invalid token */
    public Principal authenticate(ServerRequest request, String requestId) {
        String authorization = request.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (authorization == null) {
            throw new Unauthorized("missing bearer token: send 'Authorization: Bearer <token>'");
        }
        // a token Helidon Security accepted before is remembered until it expires: its repeat calls
        // skip the security context (whose audit walks the stack on every authentication)
        String value = authorization.trim();
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            var known = accounts.remembered(value.substring(BEARER.length()).trim());
            if (known.isPresent()) {
                return known.get();
            }
        }
        SecurityContext context = security.contextBuilder(requestId)
                .env(security.environmentBuilder().header(RuntimeTokenProvider.AUTHORIZATION, authorization).build())
                .build();
        AuthenticationResponse response = context.atnClientBuilder().submit();
        if (response.status() == SecurityResponse.SecurityStatus.SUCCESS) {
            return context.user()
                    .flatMap(s -> s.privateCredential(Principal.class))
                    .orElseThrow(() -> new Unauthorized("invalid token"));
        }
        if (response.throwable().orElse(null) instanceof RuntimeError e && !(e instanceof Unauthorized)) {
            throw e;
        }
        throw new Unauthorized(response.description().orElse("invalid token"));
    }
}
