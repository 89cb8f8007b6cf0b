package io.paasruntime.keycloak;

import com.nimbusds.jwt.SignedJWT;
import io.paasruntime.spi.ProviderException;
import io.paasruntime.spi.identity.Account;
import io.paasruntime.spi.identity.IdentityProvider;
import io.paasruntime.spi.identity.Principal;
import io.paasruntime.spi.identity.SignupRequest;
import io.paasruntime.spi.identity.TokenGrant;
import io.paasruntime.tck.MutableClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.paasruntime.keycloak.KeycloakServer.REALM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keycloak-specific behaviour beyond the identity contract, against the real server. */
@ExtendWith(KeycloakExtension.class)
class KeycloakIdentityProviderTest {
    private static final String PASSWORD = "correct horse battery";

    private final KeycloakServer keycloak;
    private final MutableClock clock = MutableClock.atNow();
    private final List<AutoCloseable> opened = new ArrayList<>();

    KeycloakIdentityProviderTest(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private IdentityProvider provider(String realm, Map<String, String> overrides) {
        return open(KeycloakProviders.create(keycloak, realm, clock, overrides));
    }

    private IdentityProvider provider() {
        return provider(REALM, Map.of());
    }

    private static String email() {
        return "kc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void signupCreatesAnOrganizationTaggedWithTheTenantIdAndTheUserAsItsOnlyMember() {
        String email = email();
        String tenant = tenant();

        Account account = provider().signup(new SignupRequest(email, PASSWORD, tenant));

        Map<String, Object> organization = keycloak.admin().organization(REALM, tenant).orElseThrow();
        assertThat(organization).containsEntry("name", tenant).containsEntry("alias", tenant);
        assertThat(organization.get("attributes")).isEqualTo(Map.of("tenant_id", List.of(account.tenantId().toString())));
        assertThat(keycloak.admin().memberIds(REALM, (String) organization.get("id"))).containsExactly(account.userId().toString());
        Map<String, Object> user = keycloak.admin().user(REALM, email).orElseThrow();
        assertThat(user).containsEntry("id", account.userId().toString()).containsEntry("username", email)
                .containsEntry("enabled", true).containsEntry("emailVerified", true);
        assertThat(account).isEqualTo(new Account(account.userId(), email, account.tenantId(), tenant));
    }

    @Test
    void loginGivesABearerTokenWithTheRealmsLifetimeARefreshTokenAndTheUsersEmailAndTenant() throws ParseException {
        IdentityProvider provider = provider();
        String email = email();
        Account account = provider.signup(new SignupRequest(email, PASSWORD, tenant()));

        TokenGrant grant = provider.login(email, PASSWORD);
        Principal principal = provider.verify(grant.accessToken());

        // The token lives the realm's 3600 s; Keycloak counts expires_in down from exp on its own clock,
        // so a second boundary crossed while it answers makes it 3599.
        var claims = SignedJWT.parse(grant.accessToken()).getJWTClaimsSet();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(3600));
        assertThat(grant.expiresInSeconds()).isBetween(3599L, 3600L);
        assertThat(grant.refreshToken()).isPresent();
        assertThat(principal.email()).isEqualTo(email);
        assertThat(principal.tenantId()).isEqualTo(account.tenantId());
        assertThat(principal.tokenId()).isNotBlank();
    }

    @Test
    void duplicateEmailIsAConflictAndLeavesNoOrganizationForTheSecondTenant() {
        IdentityProvider provider = provider();
        String email = email();
        provider.signup(new SignupRequest(email, PASSWORD, tenant()));
        String secondTenant = tenant();

        assertThatThrownBy(() -> provider.signup(new SignupRequest(email, PASSWORD, secondTenant)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONFLICT))
                .hasMessage("an account with this email already exists");
        assertThat(keycloak.admin().organization(REALM, secondTenant)).isEmpty();
    }

    @Test
    void duplicateTenantNameIsAConflictAndCreatesNoUser() {
        IdentityProvider provider = provider();
        String tenant = tenant();
        provider.signup(new SignupRequest(email(), PASSWORD, tenant));
        String secondEmail = email();

        assertThatThrownBy(() -> provider.signup(new SignupRequest(secondEmail, PASSWORD, tenant)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONFLICT))
                .hasMessage("a tenant named " + tenant + " already exists");
        assertThat(keycloak.admin().user(REALM, secondEmail)).isEmpty();
    }

    @Test
    void signupFailingAtMembershipLeavesNoUserAndNoOrganizationAndCanBeRetried() {
        KeycloakSettings settings = KeycloakProviders.settings(keycloak, REALM, Map.of());
        // The real call, aimed at an organization that does not exist: Keycloak answers 404.
        var failingMembership = open(new KeycloakIdentityProvider(settings, clock,
                (http, tokens, s, c) -> new KeycloakAdmin(http, tokens, s, c) {
                    @Override
                    void addMember(String organizationId, String userId) {
                        super.addMember(UUID.randomUUID().toString(), userId);
                    }
                }));
        String email = email();
        String tenant = tenant();

        assertThatThrownBy(() -> failingMembership.signup(new SignupRequest(email, PASSWORD, tenant)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INTERNAL))
                .hasMessageContaining("add the user to the organization");
        assertThat(keycloak.admin().user(REALM, email)).isEmpty();
        assertThat(keycloak.admin().organization(REALM, tenant)).isEmpty();

        Account retried = provider().signup(new SignupRequest(email, PASSWORD, tenant));
        assertThat(retried.tenantName()).isEqualTo(tenant);
    }

    @Test
    void aTenantAttributeTheUserProfileDoesNotDeclareFailsSignupClearlyAndLeavesNothing() {
        IdentityProvider provider = provider(REALM, Map.of("tenant-claim", "undeclared_tenant"));
        String email = email();
        String tenant = tenant();

        assertThatThrownBy(() -> provider.signup(new SignupRequest(email, PASSWORD, tenant)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INTERNAL))
                .hasMessageContaining("undeclared_tenant").hasMessageContaining("user profile");
        assertThat(keycloak.admin().user(REALM, email)).isEmpty();
        assertThat(keycloak.admin().organization(REALM, tenant)).isEmpty();
    }

    @Test
    void tokenFromAnotherRealmWithTheSameClientsIsRefused() {
        IdentityProvider other = provider(KeycloakServer.OTHER_REALM, Map.of());
        String email = email();
        other.signup(new SignupRequest(email, PASSWORD, tenant()));
        String foreign = other.login(email, PASSWORD).accessToken();

        assertThat(other.verify(foreign).subject()).isNotBlank();
        assertUnauthorized(() -> provider().verify(foreign));
    }

    @Test
    void idTokenRefreshTokenAndTheAdminServiceAccountTokenAreNotAcceptedAsBearerTokens() {
        IdentityProvider provider = provider();
        String email = email();
        provider.signup(new SignupRequest(email, PASSWORD, tenant()));
        Map<String, Object> grant = keycloak.admin().passwordGrant(REALM, KeycloakServer.API_CLIENT, KeycloakServer.API_SECRET,
                email, PASSWORD, Map.of("scope", "openid"));

        assertThatThrownBy(() -> provider.verify((String) grant.get("id_token")))
                .hasMessageContaining("not an access token");
        assertThatThrownBy(() -> provider.verify((String) grant.get("refresh_token")))
                .hasMessageContaining("algorithm not accepted");
        assertUnauthorized(() -> provider.verify(keycloak.admin().serviceAccountToken(REALM, KeycloakServer.ADMIN_CLIENT,
                KeycloakServer.ADMIN_SECRET)));
    }

    @Test
    void unreachableKeycloakMakesLoginSignupAndFirstTokenCheckUnavailable() throws IOException {
        IdentityProvider provider = provider(REALM, Map.of("url", "http://127.0.0.1:" + closedPort(), "timeout", "2s"));

        assertUnavailable(() -> provider.login(email(), PASSWORD));
        assertUnavailable(() -> provider.signup(new SignupRequest(email(), PASSWORD, tenant())));
        assertUnavailable(() -> provider.verify(loginToken(provider())));
    }

    @Test
    void wrongClientSecretIsAConfigurationErrorNamingTheSettingButNotTheSecret() {
        IdentityProvider provider = provider(REALM, Map.of("client-secret", "not-the-secret-42",
                "admin-client-secret", "not-the-admin-secret-42"));

        assertThatThrownBy(() -> provider.login(email(), PASSWORD))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INTERNAL))
                .hasMessageContaining("identity.client-id").hasMessageNotContaining("not-the-secret-42");
        assertThatThrownBy(() -> provider.signup(new SignupRequest(email(), PASSWORD, tenant())))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INTERNAL))
                .hasMessageContaining("identity.admin-client-id").hasMessageNotContaining("not-the-admin-secret-42");
    }

    @Test
    void duringAnOutageLoginIsUnavailableAndIssuedTokensKeepWorkingUntilTheyExpire() {
        LoopbackProxy proxy = open(new LoopbackProxy(keycloak.url()));
        // Keycloak names the host it was called on as issuer, so the provider sees the realm only through the proxy.
        IdentityProvider provider = provider(REALM, Map.of("url", proxy.url(), "timeout", "20s")); // a closed proxy refuses at once; the set-up may be slow on a busy machine
        String email = email();
        provider.signup(new SignupRequest(email, PASSWORD, tenant()));
        TokenGrant grant = provider.login(email, PASSWORD);
        Principal before = provider.verify(grant.accessToken());

        proxy.close();

        assertUnavailable(() -> provider.login(email, PASSWORD));
        assertThat(provider.verify(grant.accessToken())).isEqualTo(before);
        clock.advance(Duration.ofMinutes(11)); // past jwks-cache: the refresh fails, the keys held stay in use
        assertThat(provider.verify(grant.accessToken()).subject()).isEqualTo(before.subject());
        clock.advance(Duration.ofSeconds(grant.expiresInSeconds()));
        assertUnauthorized(() -> provider.verify(grant.accessToken()));
    }

    @Test
    void aNewSigningKeyIsFetchedWhenATokenNamesItButAtMostOncePerInterval() throws ParseException {
        String realm = "paas-rotation-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.admin().createRealm(realm);
        IdentityProvider provider = provider(realm, Map.of());
        String email = email();
        provider.signup(new SignupRequest(email, PASSWORD, tenant()));
        String oldToken = provider.login(email, PASSWORD).accessToken();
        provider.verify(oldToken);

        keycloak.admin().rotateSigningKey(realm);
        String newToken = provider.login(email, PASSWORD).accessToken();

        assertThat(keyId(newToken)).isNotEqualTo(keyId(oldToken));
        // The keys were fetched just now (on the clock the provider reads): no refresh yet.
        assertThatThrownBy(() -> provider.verify(newToken)).hasMessageContaining("unknown key");
        clock.advance(RealmKeys.MIN_REFRESH_INTERVAL.plusSeconds(1));
        assertThat(provider.verify(newToken).subject()).isEqualTo(provider.verify(oldToken).subject());
    }

    private static String keyId(String token) throws ParseException {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private static String loginToken(IdentityProvider provider) {
        String email = email();
        provider.signup(new SignupRequest(email, PASSWORD, tenant()));
        return provider.login(email, PASSWORD).accessToken();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void assertUnauthorized(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
    }

    private static void assertUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE));
    }
}
