package io.paasruntime.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasruntime.core.accounts.Accounts;
import io.paasruntime.core.accounts.SignupView;
import io.paasruntime.server.http.Access;
import io.paasruntime.server.http.ApiService;
import io.paasruntime.server.http.Endpoint;
import io.paasruntime.server.http.EndpointPipeline;
import io.paasruntime.server.http.Exchange;
import io.paasruntime.server.http.Json;
import io.paasruntime.server.http.Reply;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.TokenGrant;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Signup, login (also at the legacy {@code /api/v1/auth/login}) and the token signing keys. */
public final class AuthService extends ApiService {
    public record LoginBody(String email, String password) {
    }

    public record SignupBody(String email, String password, String tenant) {
    }

    /** {@code {"access_token","token_type","expires_in"}} */
    public record TokenView(String accessToken, String tokenType, long expiresIn) {
    }

    private final Accounts accounts;
    private final IdentityProvider identity;
    private final Json json;

    @Inject
    public AuthService(EndpointPipeline pipeline, Accounts accounts, IdentityProvider identity, Json json) {
        super(pipeline);
        this.accounts = accounts;
        this.identity = identity;
        this.json = json;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/v1/auth/login").id("login").tag("auth").access(Access.ANONYMOUS)
                        .summary("Exchange email and password for a bearer token")
                        .body(LoginBody.class).mayFailWith(401).returns(200, TokenView.class).handle(this::login),
                Endpoint.post("/api/v1/auth/login").id("loginLegacyPath").tag("auth").access(Access.ANONYMOUS)
                        .summary("Same as POST /v1/auth/login, at the path older clients use")
                        .body(LoginBody.class).mayFailWith(401).returns(200, TokenView.class).handle(this::login),
                Endpoint.post("/v1/signup").id("signup").tag("auth").access(Access.ANONYMOUS)
                        .summary("Create a tenant and its first user")
                        .body(SignupBody.class).returns(201, SignupView.class).handle(this::signup),
                Endpoint.get("/v1/auth/jwks").id("jwks").tag("auth").access(Access.ANONYMOUS)
                        .summary("The public keys tokens are signed with (JWK Set)")
                        .returns(200, JsonNode.class).handle(this::jwks));
    }

    private Reply login(Exchange ex) {
        LoginBody body = ex.body(LoginBody.class);
        TokenGrant grant = accounts.login(body.email(), body.password());
        return Reply.ok(new TokenView(grant.accessToken(), grant.tokenType(), grant.expiresInSeconds()));
    }

    private Reply signup(Exchange ex) {
        SignupBody body = ex.body(SignupBody.class);
        return Reply.created(accounts.signup(body.email(), body.password(), body.tenant(), ex.requestId()));
    }

    private Reply jwks(Exchange ex) {
        return Reply.ok(json.readObject(identity.issuer().jwksJson().getBytes(StandardCharsets.UTF_8)));
    }
}
