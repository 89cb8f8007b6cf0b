package io.paasruntime.server.http;

/** Who may call a route and which rate limit applies to it. */
public enum Access {
    /** No token and no rate limit: liveness and the API description. */
    PUBLIC,
    /** No token; limited per source address (login, signup, JWKS). */
    ANONYMOUS,
    /** A bearer token is required; limited per token. */
    BEARER
}
