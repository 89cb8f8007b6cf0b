package io.paasruntime.server.http;

import io.helidon.http.BadRequestException;
import io.paasruntime.core.errors.Conflict;
import io.paasruntime.core.errors.FieldProblem;
import io.paasruntime.core.errors.Forbidden;
import io.paasruntime.core.errors.InternalError;
import io.paasruntime.core.errors.NotFound;
import io.paasruntime.core.errors.PayloadTooLarge;
import io.paasruntime.core.errors.RateLimited;
import io.paasruntime.core.errors.Unauthorized;
import io.paasruntime.core.errors.Unavailable;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.spi.ProviderException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The status and code of every kind of failure, and that internal details never reach the client. */
class ErrorMapperTest {
    private final ErrorMapper mapper = new ErrorMapper(new Json(), Clock.systemUTC());

    @Test
    void everyCoreErrorHasItsStatus() {
        assertThat(status(ValidationFailed.of("name", "is required"))).isEqualTo("400 validation_failed");
        assertThat(status(new Unauthorized("no"))).isEqualTo("401 unauthorized");
        assertThat(status(new Forbidden("no"))).isEqualTo("403 forbidden");
        assertThat(status(new NotFound("no"))).isEqualTo("404 not_found");
        assertThat(status(new Conflict("no"))).isEqualTo("409 conflict");
        assertThat(status(new PayloadTooLarge("no"))).isEqualTo("413 validation_failed");
        assertThat(status(new RateLimited("no", Duration.ofSeconds(3)))).isEqualTo("429 rate_limited");
        assertThat(status(new Unavailable("down"))).isEqualTo("503 unavailable");
        assertThat(status(new InternalError("oops"))).isEqualTo("500 internal");
    }

    @Test
    void providerExceptionsAreTranslatedByKind() {
        assertThat(status(ProviderException.invalid("image", "bad image"))).isEqualTo("400 validation_failed");
        assertThat(mapper.problem(ProviderException.invalid("image", "bad image"), "req_1", "POST /x").details())
                .containsExactly(new FieldProblem("image", "bad image"));
        assertThat(status(ProviderException.tooLarge("body", "too big"))).isEqualTo("413 validation_failed");
        assertThat(mapper.problem(ProviderException.tooLarge("artifact", "over 100 MB"), "req_1", "POST /x").details())
                .containsExactly(new FieldProblem("artifact", "over 100 MB"));
        assertThat(status(ProviderException.notFound("gone"))).isEqualTo("404 not_found");
        assertThat(status(ProviderException.conflict("taken"))).isEqualTo("409 conflict");
        assertThat(status(ProviderException.unavailable("db down", null))).isEqualTo("503 unavailable");
        assertThat(status(ProviderException.internal("secret detail", null))).isEqualTo("500 internal");
    }

    @Test
    void unexpectedFailuresAreInternalWithoutTheirDetails() {
        ErrorMapper.Problem problem = mapper.problem(new IllegalStateException("password=hunter2 at line 3"), "req_1", "GET /x");
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.message()).doesNotContain("hunter2").contains("request id");
        assertThat(mapper.problem(new InternalError("db password wrong"), "req_1", "GET /x").message())
                .doesNotContain("password");
    }

    @Test
    void methodNotAllowedAndHelidonRequestErrorsKeepTheirStatus() {
        assertThat(status(new MethodNotAllowed("PUT", "/v1/apps", List.of("GET", "POST")))).isEqualTo("405 not_found");
        assertThat(status(new BadRequestException("bad query"))).isEqualTo("400 validation_failed");
    }

    @Test
    void everyCodeIsOneOfTheDesignedCodes() {
        List<Throwable> errors = List.of(ValidationFailed.of("name", "x"), new Unauthorized("no"), new Forbidden("no"),
                new NotFound("no"), new Conflict("no"), new PayloadTooLarge("no"), new RateLimited("no", Duration.ofSeconds(1)),
                new Unavailable("down"), new InternalError("oops"), new MethodNotAllowed("PUT", "/v1/apps", List.of("GET")),
                new BadRequestException("bad"), ProviderException.tooLarge("body", "big"), new IllegalStateException("bug"));
        assertThat(errors).extracting(e -> mapper.problem(e, "req_1", "GET /x").code()).allMatch(code -> List.of(
                "not_found", "forbidden", "unauthorized", "conflict", "validation_failed", "rate_limited", "internal",
                "unavailable").contains(code));
    }

    private String status(Throwable error) {
        ErrorMapper.Problem problem = mapper.problem(error, "req_test", "GET /test");
        return problem.status() + " " + problem.code();
    }
}
