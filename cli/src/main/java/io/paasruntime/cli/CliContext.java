package io.paasruntime.cli;

import io.paasruntime.cli.api.ApiClient;
import io.paasruntime.cli.local.AppLink;
import io.paasruntime.cli.local.Credentials;
import io.paasruntime.cli.local.CredentialsFile;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a command runs against: the environment, the working directory, the standard streams,
 * the stored credentials, and the API client they select.
 */
public final class CliContext {
    public static final String DEFAULT_API = "http://127.0.0.1:8080";

    private final Map<String, String> env;
    private final Path cwd;
    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final CredentialsFile credentialsFile;
    private final List<ApiClient> clients = new ArrayList<>();
    private String apiOption;

    public CliContext(Map<String, String> env, Path cwd, PrintStream out, PrintStream err, BufferedReader in) {
        this.env = env;
        this.cwd = cwd;
        this.out = out;
        this.err = err;
        this.in = in;
        this.credentialsFile = CredentialsFile.locate(env);
    }

    void apiOption(String api) {
        this.apiOption = api;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Standard input, for confirmations and {@code --password-stdin}. */
    public BufferedReader in() {
        return in;
    }

    public Path cwd() {
        return cwd;
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    public CredentialsFile credentialsFile() {
        return credentialsFile;
    }

    public Optional<Credentials> credentials() {
        return credentialsFile.read();
    }

    /** {@code --api}, else PAAS_API_URL, else the server the stored login is for, else the default. */
    public String apiUrl() {
        Optional<String> chosen = explicitApi();
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return credentials().map(Credentials::api).orElse(DEFAULT_API);
    }

    private Optional<String> explicitApi() {
        Optional<String> chosen = Optional.ofNullable(apiOption).filter(s -> !s.isBlank()).or(() -> env("PAAS_API_URL"));
        return chosen.map(CliContext::normalize);
    }

    static String normalize(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new CliException("invalid API URL '" + url + "': it must start with http:// or https://", 2);
        }
        return u;
    }

    /** A client for the routes that need no login (signup, login). */
    public ApiClient anonymousApi() {
        return track(new ApiClient(apiUrl(), Optional.empty(), userAgent()));
    }

    /** A client carrying PAAS_TOKEN or the stored token for the selected server. */
    public ApiClient api() {
        String api = apiUrl();
        Optional<String> token = env("PAAS_TOKEN");
        if (token.isEmpty()) {
            Optional<Credentials> stored = credentials();
            if (stored.isPresent() && !stored.get().api().equals(api)) {
                throw new CliException("not logged in to " + api + "; run paas login");
            }
            token = stored.map(Credentials::token);
        }
        if (token.isEmpty()) {
            throw CliException.notLoggedIn();
        }
        return track(new ApiClient(api, token, userAgent()));
    }

    private ApiClient track(ApiClient client) {
        clients.add(client);
        return client;
    }

    /** Closes the API clients the command made; called once the command is done. */
    void closeClients() {
        clients.forEach(ApiClient::close);
        clients.clear();
    }

    /** The nearest {@code .paas} link at or above the working directory. */
    public Optional<AppLink> appLink() {
        return AppLink.find(cwd);
    }

    private static String userAgent() {
        return "paas-cli/" + Version.current();
    }
}
