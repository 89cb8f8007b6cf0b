package io.paasruntime.cli.commands;

import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.api.TokenClaims;
import io.paasruntime.cli.local.Credentials;
import io.paasruntime.cli.output.KeyValues;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.util.Optional;

@Command(name = "whoami", description = "Show who is logged in, to which tenant and server.")
public final class WhoamiCommand extends ApiCommand {
    @Override
    public Integer call() {
        ApiClient api = ctx().api();
        // The server is asked too, so an expired or revoked token says so instead of looking fine.
        api.get(ApiPath.of("v1", "apps").query("limit", 1));
        Optional<String> envToken = ctx().env("PAAS_TOKEN");
        Optional<Credentials> stored = ctx().credentials();
        String token = envToken.orElseGet(() -> stored.map(Credentials::token).orElse(""));
        TokenClaims claims = TokenClaims.decode(token);
        String email = claims.email().or(() -> stored.map(Credentials::email)).orElse("(unknown)");
        Optional<String> tenant = envToken.isPresent() ? claims.tenant()
                : stored.flatMap(Credentials::tenant).or(claims::tenant);
        KeyValues kv = new KeyValues()
                .add("Email", email)
                .add("Tenant", tenant.orElse("(unknown)"))
                .add("API", api.base());
        claims.expiresAt().ifPresent(exp -> kv.add("Expires", exp + (exp.isBefore(Instant.now()) ? " (expired)" : "")));
        if (envToken.isPresent()) {
            kv.add("Token", "from PAAS_TOKEN");
        }
        out().print(kv.render());
        return 0;
    }
}
