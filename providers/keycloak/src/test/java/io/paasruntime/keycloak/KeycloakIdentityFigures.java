package io.paasruntime.keycloak;

import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.SignupRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures login through Keycloak (p50 of 100 password grants) and the local token check
 * (verifications per second, one thread, 20k checks of one token). Prints the figures and writes them
 * to {@code target/keycloak-figures.txt}; asserts nothing about speed. Runs only when asked:
 * {@code mvn -pl providers/keycloak test -Dtest=KeycloakIdentityFigures -Dkeycloak.figures=true}.
 */
@ExtendWith(KeycloakExtension.class)
@EnabledIfSystemProperty(named = "keycloak.figures", matches = "true")
class KeycloakIdentityFigures {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void loginAndVerifyFigures(KeycloakServer keycloak) throws IOException {
        try (IdentityProvider provider = KeycloakProviders.create(keycloak, KeycloakServer.REALM, Clock.systemUTC(), Map.of())) {
            String email = "figures-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            provider.signup(new SignupRequest(email, PASSWORD, "fig-" + UUID.randomUUID().toString().substring(0, 8)));

            for (int i = 0; i < 20; i++) {
                provider.login(email, PASSWORD); // warm-up: JIT on both sides, connection pool
            }
            long[] loginNanos = new long[100];
            String token = null;
            for (int i = 0; i < loginNanos.length; i++) {
                long start = System.nanoTime();
                token = provider.login(email, PASSWORD).accessToken();
                loginNanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(loginNanos);

            for (int i = 0; i < 5_000; i++) {
                provider.verify(token); // warm-up
            }
            int verifies = 20_000;
            long start = System.nanoTime();
            for (int i = 0; i < verifies; i++) {
                provider.verify(token);
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            String figures = String.format(
                    "keycloak %s, %d cores: login p50 %.1f ms, p90 %.1f ms, max %.1f ms (100 password grants); "
                            + "verify %.0f tokens/s (one thread, %d checks, %.1f us each)%n",
                    "26.7.3", Runtime.getRuntime().availableProcessors(), loginNanos[49] / 1e6, loginNanos[89] / 1e6,
                    loginNanos[99] / 1e6, verifies / seconds, verifies, seconds * 1e6 / verifies);
            System.out.print(figures);
            Files.writeString(Path.of("target", "keycloak-figures.txt"), figures);
            assertThat(loginNanos[49]).isPositive();
        }
    }
}
