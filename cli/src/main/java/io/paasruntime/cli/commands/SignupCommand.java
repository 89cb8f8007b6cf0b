package io.paasruntime.cli.commands;

import io.paasruntime.cli.CliException;
import io.paasruntime.cli.api.ApiPath;
import io.paasruntime.cli.json.JsonNode;
import io.paasruntime.cli.local.Credentials;
import io.paasruntime.cli.output.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

@Command(name = "signup", description = "Create a tenant and its first user, then log in as that user.")
public final class SignupCommand extends ApiCommand {
    @Option(names = "--email", paramLabel = "EMAIL", description = "Email (prompted when left out)")
    String email;

    @Option(names = "--tenant", paramLabel = "NAME", description = "Name of the new tenant (prompted when left out)")
    String tenant;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
        String user = email != null ? email.trim() : Prompts.line(ctx(), "Email: ");
        String tenantName = tenant != null ? tenant.trim() : Prompts.line(ctx(), "Tenant name: ");
        String password;
        if (passwordStdin) {
            password = Prompts.passwordFromStdin(ctx());
        } else {
            password = Prompts.password(ctx(), "Password: ");
            if (Terminal.isInteractive() && !password.equals(Prompts.password(ctx(), "Password (again): "))) {
                throw new CliException("the passwords did not match");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", user);
        body.put("password", password);
        body.put("tenant", tenantName);
        JsonNode created = ctx().anonymousApi().post(ApiPath.of("v1", "signup"), body);
        String name = created.get("tenant").get("name").text(tenantName);
        out().println("Signed up " + created.get("user").get("email").text(user) + " in tenant " + name);
        Credentials c = LoginCommand.logIn(ctx(), user, password, Optional.of(name));
        out().println("Logged in as " + c.email() + " at " + c.api());
        return 0;
    }
}
