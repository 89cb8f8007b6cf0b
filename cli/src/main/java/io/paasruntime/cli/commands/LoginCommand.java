package io.paasruntime.cli.commands;

import io.paasruntime.cli.CliContext;
import io.paasruntime.cli.CliException;
import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.api.TokenClaims;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.local.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

@Command(name = "login", description = "Log in; the token is stored in ~/.config/paas/credentials (mode 0600).")
public final class LoginCommand extends ApiCommand {
    @Option(names = "--email", paramLabel = "EMAIL", description = "Email (prompted when left out)")
    String email;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
        String user = email != null ? email.trim() : Prompts.line(ctx(), "Email: ");
        if (user.isEmpty()) {
            throw new CliException("no email given");
        }
        String password = passwordStdin ? Prompts.passwordFromStdin(ctx()) : Prompts.password(ctx(), "Password: ");
        Credentials c = logIn(ctx(), user, password, Optional.empty());
        out().println("Logged in as " + c.email() + " at " + c.api());
        return 0;
    }

    /**
     * Asks the server for a token and stores it. The tenant's name is kept from an earlier
     * signup of the same user, since tokens carry only the tenant's id.
     */
    static Credentials logIn(CliContext ctx, String email, String password, Optional<String> tenantName)
            throws IOException {
        ApiClient api = ctx.anonymousApi();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        JsonNode grant = api.post(ApiPath.of("v1", "auth", "login"), body);
        String token = grant.get("access_token").text();
        if (token.isBlank()) {
            throw new CliException("the server's login answer held no access_token");
        }
        TokenClaims claims = TokenClaims.decode(token);
        Optional<String> tenant = tenantName.or(() -> ctx.credentials()
                        .filter(old -> old.api().equals(api.base()) && old.email().equalsIgnoreCase(email))
                        .flatMap(Credentials::tenant))
                .or(claims::tenant);
        Credentials c = new Credentials(api.base(), token, claims.email().orElse(email), tenant);
        ctx.credentialsFile().write(c);
        return c;
    }
}
