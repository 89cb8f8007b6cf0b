package io.paasruntime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input of the foundation issue, each answered with the right status, code and field,
 * never a 500 and never a stack trace ({@link TestServer} checks the latter on every response).
 */
class BadInputTest {
    @TempDir
    static Path dataDir;
    static TestServer api;
    static String token;
    static String otherToken;
    static String otherAppId;

    @BeforeAll
    static void start() {
        api = TestServer.start(dataDir, Map.of());
        token = api.signupAndLogin("bad-input@example.com", "bad-input-pw", "bad-inputs");
        otherToken = api.signupAndLogin("other@example.com", "other-tenant-pw", "others");
        TestServer.Response other = api.post("/v1/apps", otherToken, "{\"name\":\"secret-app\"}");
        assertThat(other.status()).isEqualTo(201);
        otherAppId = other.json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void malformedJsonIsRefusedNamingTheBody() {
        api.post("/v1/apps", token, "{\"name\": \"broken").assertInvalid("body");
        api.post("/v1/apps", token, "{\"name\":\"x\"} trailing").assertInvalid("body");
    }

    @Test
    void anEmptyBodyOrANonObjectIsRefused() {
        api.send("POST", "/v1/apps", token, null).assertInvalid("body");
        api.post("/v1/apps", token, "[\"name\"]").assertInvalid("body");
        api.post("/v1/apps", token, "\"just a string\"").assertInvalid("body");
    }

    @Test
    void aJsonNullBodyIsRefusedOnEveryRouteThatTakesABody() {
        api.post("/v1/apps", token, "null").assertInvalid("body");
        api.post("/v1/signup", null, "null").assertInvalid("body");
        api.post("/v1/auth/login", null, "null").assertInvalid("body");
        api.post("/v1/addons/database", token, "null").assertInvalid("body");
        assertThat(api.post("/v1/apps", token, "{\"name\":\"null-body\"}").status()).isEqualTo(201);
        api.patch("/v1/apps/null-body", token, "null").assertInvalid("body");
        api.post("/v1/apps/null-body/deploys", token, "null").assertInvalid("body");
        api.patch("/v1/apps/null-body/processes/web", token, "null").assertInvalid("body");
        api.patch("/v1/apps/null-body/config", token, "null").assertInvalid("body");
    }

    @Test
    void aRouteThatTakesNoBodyRefusesFieldsInsteadOfIgnoringThem() {
        TestServer.Response created = api.post("/v1/apps", token, "{\"name\":\"no-body\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.delete("/v1/apps/no-body", token).status()).isEqualTo(200);
        api.post("/v1/apps/" + created.json().get("id").asText() + "/restore", token, "{\"bogus\":1}").assertInvalid("bogus");
        TestServer.Response restored = api.post("/v1/apps/" + created.json().get("id").asText() + "/restore", token, "{}");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        api.post("/v1/apps/no-body/restart", token, "{\"type\":\"web\",\"bogus\":1}").assertInvalid("bogus");
        api.post("/v1/apps/no-body/restart?type=web", token, "{\"type\":\"worker\"}").assertInvalid("type");
        api.post("/v1/apps/no-body/restart?type=", token, null).assertInvalid("type");
    }

    @Test
    void theBodyOfAnUnknownAppIsNotLookedAtBeforeTheAppIs() {
        api.patch("/v1/apps/no-such-app", token, "{\"name\":\"UPPER\"}").assertError(404, "not_found");
        api.patch("/v1/apps/no-such-app/processes/web", token, "{\"replicas\":-1}").assertError(404, "not_found");
        api.patch("/v1/apps/no-such-app/config", token, "{\"1BAD\":\"x\"}").assertError(404, "not_found");
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBodyAndTheConnectionStaysUsable() throws Exception {
        String[] answers = pipelined("HEAD /v1/healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                "HEAD /v1/apps HTTP/1.1\r\nHost: x\r\n\r\n",
                "HEAD /v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answers[0]).startsWith("200").contains("Content-Length: ").endsWith("\r\n\r\n");
        assertThat(answers[1]).startsWith("401").contains("WWW-Authenticate: Bearer").endsWith("\r\n\r\n");
        assertThat(answers[2]).startsWith("200").contains("Content-Type: application/json").endsWith("\r\n\r\n");
    }

    @Test
    void headOnLogsAnswersLikeGetWithoutABodyAndStartsNoStream() throws Exception {
        assertThat(api.post("/v1/apps", token, "{\"name\":\"head-logs\"}").status()).isEqualTo(201);
        String auth = "Authorization: Bearer " + token + "\r\n";
        String[] answers = pipelined("HEAD /v1/apps/head-logs/logs HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
                "HEAD /v1/apps/head-logs/logs?follow=true HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
                "HEAD /v1/apps/secret-app/logs?follow=true HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        assertThat(answers[0]).startsWith("200").contains("Content-Type: application/json", "Content-Length: ")
                .endsWith("\r\n\r\n");
        assertThat(answers[1]).startsWith("200").contains("Content-Type: text/event-stream").endsWith("\r\n\r\n");
        assertThat(answers[2]).startsWith("404").endsWith("\r\n\r\n");
    }

    /**
     * Sends {@code requests} on one connection, then a {@code GET /v1/healthz}, and answers the status
     * line and headers (and any body) of each request. A HEAD that wrote a body, or started a stream,
     * would show up as text after its headers or as a GET answer that never comes.
     */
    private String[] pipelined(String... requests) throws Exception {
        URI base = api.uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String all = String.join("", requests) + "GET /v1/healthz HTTP/1.1\r\nHost: x\r\n\r\n";
            socket.getOutputStream().write(all.getBytes(StandardCharsets.US_ASCII));
            // read until the GET's body has come (the connection stays open)
            StringBuilder read = new StringBuilder();
            byte[] buffer = new byte[8192];
            while (read.toString().split("HTTP/1\\.1 ", -1).length < requests.length + 2
                    || !read.toString().endsWith("}")) {
                int n = socket.getInputStream().read(buffer);
                assertThat(n).as("the connection closed after:%n%s", read).isPositive();
                read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String[] parts = read.toString().split("HTTP/1\\.1 ", -1);
            assertThat(parts).as(read.toString()).hasSize(requests.length + 2);
            assertThat(parts[requests.length + 1]).startsWith("200").contains("\"status\":\"ok\"");
            return Arrays.copyOfRange(parts, 1, requests.length + 1);
        }
    }

    @Test
    void answersAreNeverCached() {
        TestServer.Response login = api.post("/v1/auth/login", null,
                "{\"email\":\"bad-input@example.com\",\"password\":\"bad-input-pw\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.get("/v1/apps", token).header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void errorAnswersAreNeverCachedEither() {
        List<TestServer.Response> errors = List.of(
                api.get("/v1/apps/nope", token).assertError(404, "not_found"),
                api.get("/v1/apps", null).assertError(401, "unauthorized"),
                api.post("/v1/apps", token, "{\"name\": \"broken").assertInvalid("body"),
                api.send("DELETE", "/v1/healthz", null, null).assertError(405, "not_found"),
                api.post("/v1/signup", null, "{\"email\":\"bad-input@example.com\",\"password\":\"bad-input-pw\","
                        + "\"tenant\":\"again\"}").assertError(409, "conflict"));
        assertThat(errors).allSatisfy(r -> assertThat(r.header("Cache-Control")).as(r.body()).isEqualTo("no-store"));
    }

    @Test
    void aWrongTypeIsRefusedNamingTheField() {
        TestServer.Response r = api.post("/v1/apps", token, "{\"name\": 42}").assertInvalid("name");
        assertThat(r.json().at("/error/details/0/problem").asText()).isEqualTo("must be a string");
        api.post("/v1/apps", token, "{\"name\": {\"nested\": true}}").assertInvalid("name");
        api.post("/v1/auth/login", null, "{\"email\": [\"a@b.c\"], \"password\": \"x\"}").assertInvalid("email");
    }

    @Test
    void aMissingFieldIsRefusedNamingTheField() {
        api.post("/v1/apps", token, "{}").assertInvalid("name");
        TestServer.Response signup = api.post("/v1/signup", null, "{\"email\":\"new@example.com\"}");
        signup.assertInvalid("password").assertInvalid("tenant");
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheField() {
        TestServer.Response r = api.post("/v1/apps", token, "{\"name\":\"fine-name\",\"colour\":\"red\"}")
                .assertInvalid("colour");
        assertThat(r.json().at("/error/details/0/problem").asText()).isEqualTo("is not a known field");
        assertThat(api.get("/v1/apps/fine-name", token).status()).as("nothing half-written").isEqualTo(404);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        String big = "{\"name\":\"" + "a".repeat(1024 * 1024) + "\"}";
        api.post("/v1/apps", token, big).assertError(413, "validation_failed");
        api.patch("/v1/apps/anything/config", token, big).assertError(413, "validation_failed");
    }

    @Test
    void aStreamedBodyOverOneMebibyteIsRefusedWith413() {
        byte[] big = ("{\"name\":\"" + "a".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(api.uri("/v1/apps"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();
        api.send(request).assertError(413, "validation_failed");
    }

    @Test
    void aRequestTheServerCannotParseGetsTheEnvelopeToo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("NOT A REQUEST LINE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("X-Request-Id: req_", "Cache-Control: no-store")
                    .contains("\"code\":\"validation_failed\"").doesNotContain("Exception");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper-Case", "under_score", "1starts-with-digit", "ab", "ends-with-hyphen-",
            "much-too-long-for-a-dns-label-name", "spa ce"})
    void anAppNameThatIsNotADnsLabelIsRefused(String name) {
        api.post("/v1/apps", token, "{\"name\":\"" + name + "\"}").assertInvalid("name");
    }

    @Test
    void aDuplicateAppNameIsAConflict() {
        assertThat(api.post("/v1/apps", token, "{\"name\":\"twice\"}").status()).isEqualTo(201);
        api.post("/v1/apps", token, "{\"name\":\"twice\"}").assertError(409, "conflict");
        assertThat(api.post("/v1/apps", token, "{\"name\":\"not-twice\"}").status()).isEqualTo(201);
        api.patch("/v1/apps/not-twice", token, "{\"name\":\"twice\"}").assertError(409, "conflict");
    }

    @Test
    void anUnknownIdOrNameIsNotFound() {
        api.get("/v1/apps/" + UUID.randomUUID(), token).assertError(404, "not_found");
        api.get("/v1/apps/no-such-app", token).assertError(404, "not_found");
        api.delete("/v1/apps/no-such-app", token).assertError(404, "not_found");
        api.post("/v1/apps/" + UUID.randomUUID() + "/restore", token, null).assertError(404, "not_found");
    }

    @Test
    void anotherTenantsAppByIdIsNotFoundAndShowsNothingOfIt() {
        TestServer.Response r = api.get("/v1/apps/" + otherAppId, token).assertError(404, "not_found");
        assertThat(r.body()).doesNotContain("secret-app");
        api.patch("/v1/apps/" + otherAppId, token, "{\"name\":\"stolen\"}").assertError(404, "not_found");
        api.delete("/v1/apps/" + otherAppId, token).assertError(404, "not_found");
        api.get("/v1/apps/" + otherAppId + "/config", token).assertError(404, "not_found");
        assertThat(api.get("/v1/apps/" + otherAppId, otherToken).json().get("name").asText()).isEqualTo("secret-app");
    }

    @Test
    void anotherTenantsAppByNameIsNotFoundAndShowsNothingOfIt() {
        TestServer.Response r = api.get("/v1/apps/secret-app", token).assertError(404, "not_found");
        assertThat(r.body()).doesNotContain(otherAppId);
        assertThat(api.get("/v1/apps", token).body()).doesNotContain("secret-app");
        assertThat(api.get("/v1/apps/secret-app", otherToken).status()).isEqualTo(200);
    }

    @Test
    void aMissingTokenIsUnauthorizedWithABearerChallenge() {
        TestServer.Response r = api.get("/v1/apps", null).assertError(401, "unauthorized");
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        api.post("/v1/apps", null, "{\"name\":\"anonymous\"}").assertError(401, "unauthorized");
    }

    @Test
    void aTamperedTokenIsUnauthorized() {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) decode(parts[1]);
        claims.put("tenant", UUID.randomUUID().toString());
        String forged = parts[0] + "." + encode(claims.toString()) + "." + parts[2];
        api.get("/v1/apps", forged).assertError(401, "unauthorized");
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        api.get("/v1/apps", badSignature).assertError(401, "unauthorized");
    }

    @Test
    void anAlgNoneTokenIsUnauthorized() {
        String[] parts = token.split("\\.");
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        api.get("/v1/apps", unsigned).assertError(401, "unauthorized");
    }

    @Test
    void anHmacTokenSignedWithThePublicKeyIsUnauthorized() throws Exception {
        // algorithm confusion: HS256 keyed with the published JWKS bytes
        String[] parts = token.split("\\.");
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + decode(parts[0]).get("kid").asText() + "\"}");
        byte[] key = api.get("/v1/auth/jwks", null).body().getBytes(StandardCharsets.UTF_8);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
        api.get("/v1/apps", header + "." + parts[1] + "." + signature).assertError(401, "unauthorized");
    }

    @Test
    void garbageOrAnotherSchemeIsUnauthorized() {
        api.get("/v1/apps", "not-a-jwt").assertError(401, "unauthorized");
        api.get("/v1/apps", "a.b.c").assertError(401, "unauthorized");
        api.send("GET", "/v1/apps", null, null, "Authorization", "Basic dXNlcjpwYXNz").assertError(401, "unauthorized");
        api.send("GET", "/v1/apps", null, null, "Authorization", "Bearer").assertError(401, "unauthorized");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        TestServer.Response wrongPassword = api.post("/v1/auth/login", null,
                "{\"email\":\"bad-input@example.com\",\"password\":\"not-the-password\"}").assertError(401, "unauthorized");
        TestServer.Response unknownEmail = api.post("/v1/auth/login", null,
                "{\"email\":\"nobody@example.com\",\"password\":\"not-the-password\"}").assertError(401, "unauthorized");
        assertThat(wrongPassword.json().at("/error/message").asText())
                .isEqualTo(unknownEmail.json().at("/error/message").asText());
    }

    @Test
    void aSecondSignupWithTheSameEmailIsAConflict() {
        api.post("/v1/signup", null, "{\"email\":\"bad-input@example.com\",\"password\":\"another-pw-1\",\"tenant\":\"again\"}")
                .assertError(409, "conflict");
        api.post("/v1/signup", null, "{\"email\":\"BAD-INPUT@example.com\",\"password\":\"another-pw-1\",\"tenant\":\"again2\"}")
                .assertError(409, "conflict");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "10000", "abc", "1.5", ""})
    void aLimitOutsideOneTo200IsRefused(String limit) {
        api.get("/v1/apps?limit=" + limit, token).assertInvalid("limit");
    }

    @Test
    void aCursorThatWasNotIssuedIsRefused() {
        api.get("/v1/apps?cursor=forged-cursor", token).assertInvalid("cursor");
        api.get("/v1/apps?cursor=" + encode("apps:not-a-uuid"), token).assertInvalid("cursor");
        api.get("/v1/apps?cursor=" + encode("releases:5"), token).assertInvalid("cursor");
        api.get("/v1/apps?deleted=maybe", token).assertInvalid("deleted");
    }

    @Test
    void theAddonListTakesLimitAndCursorLikeEveryList() {
        assertThat(api.post("/v1/apps", token, "{\"name\":\"addon-pages\"}").status()).isEqualTo(201);
        api.get("/v1/apps/addon-pages/addons?limit=0", token).assertInvalid("limit");
        api.get("/v1/apps/addon-pages/addons?cursor=garbage", token).assertInvalid("cursor");
        TestServer.Response empty = api.get("/v1/apps/addon-pages/addons?limit=5", token);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("items")).isEmpty();
        assertThat(empty.json().get("next_cursor").isNull()).isTrue();
    }

    @Test
    void configValuesMustBeStringsOrNull() {
        api.post("/v1/apps", token, "{\"name\":\"typed-config\"}");
        api.patch("/v1/apps/typed-config/config", token, "{\"GOOD\":\"yes\",\"COUNT\":5}").assertInvalid("COUNT");
        api.patch("/v1/apps/typed-config/config", token, "{\"OK\":\"x\",\"my-var\":\"x\"}").assertInvalid("my-var");
        api.patch("/v1/apps/typed-config/config", token, "{\"OK\":\"x\",\"lower\":\"x\"}").assertInvalid("lower");
        api.patch("/v1/apps/typed-config/config", token, "{\"OK\":\"x\",\"NUL\":\"a\\u0000b\"}").assertInvalid("NUL");
        assertThat(api.get("/v1/apps/typed-config/config", token).json().properties()).as("nothing half-written").isEmpty();
    }

    @Test
    void oneAnswerNamesEveryOffendingConfigVarWhenAValueIsAlsoNotAString() {
        api.post("/v1/apps", token, "{\"name\":\"every-problem\"}");
        TestServer.Response r = api.patch("/v1/apps/every-problem/config", token,
                "{\"lower\":\"x\",\"PORT\":\"1\",\"A\":2,\"GOOD\":\"yes\"}");

        r.assertError(400, "validation_failed");
        assertThat(r.json().at("/error/details").findValuesAsText("field")).containsExactlyInAnyOrder("lower", "PORT", "A");
        assertThat(api.get("/v1/apps/every-problem/config", token).json().properties()).as("nothing half-written").isEmpty();
    }

    @Test
    void scalingTakesAnIntegerNotAString() {
        api.post("/v1/apps", token, "{\"name\":\"scaled\"}");
        api.patch("/v1/apps/scaled/processes/web", token, "{\"replicas\":\"3\"}").assertInvalid("replicas");
        api.patch("/v1/apps/scaled/processes/web", token, "{\"replicas\":2.5}").assertInvalid("replicas");
    }

    @Test
    void anUnknownRouteIsNotFoundAndAWrongMethodIsNotAllowed() {
        api.get("/v1/no-such-thing", token).assertError(404, "not_found");
        api.get("/nothing-here", null).assertError(404, "not_found");
        TestServer.Response put = api.send("PUT", "/v1/apps", token, "{}").assertError(405, "not_found");
        assertThat(put.header("Allow")).isEqualTo("GET, POST");
        api.send("DELETE", "/v1/healthz", null, null).assertError(405, "not_found");
    }

    @Test
    void anIdempotentPostIsReplayedWithTheSameApp() {
        TestServer.Response first = api.send("POST", "/v1/apps", token, "{\"name\":\"once-only\"}",
                "Idempotency-Key", "create-once-only");
        TestServer.Response again = api.send("POST", "/v1/apps", token, "{\"name\":\"once-only\"}",
                "Idempotency-Key", "create-once-only");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        api.send("POST", "/v1/apps", token, "{\"name\":\"other-body\"}", "Idempotency-Key", "create-once-only")
                .assertError(409, "conflict");
        // the same JSON written differently is the same request
        TestServer.Response respaced = api.send("POST", "/v1/apps", token, "{ \"name\" : \"once-only\" }\n",
                "Idempotency-Key", "create-once-only");
        assertThat(respaced.status()).as(respaced.body()).isEqualTo(201);
        assertThat(respaced.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        // the key is the caller's own: another tenant using it creates its own app
        TestServer.Response other = api.send("POST", "/v1/apps", otherToken, "{\"name\":\"once-only\"}",
                "Idempotency-Key", "create-once-only");
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
    }

    private static JsonNode decode(String part) {
        try {
            return TestServer.JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
