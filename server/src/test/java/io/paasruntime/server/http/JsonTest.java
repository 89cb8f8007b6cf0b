package io.paasruntime.server.http;

import io.paasruntime.core.errors.FieldProblem;
import io.paasruntime.core.errors.ValidationFailed;
import io.paasruntime.core.support.PageView;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {
    record Scale(Integer replicas, String size) {
    }

    record Nested(Map<String, Scale> types) {
    }

    record Camel(String createdAt, String deletedAt) {
    }

    private final Json json = new Json();

    @Test
    void writesSnakeCaseAndKeepsNulls() {
        assertThat(new String(json.write(new Camel("now", null)), StandardCharsets.UTF_8))
                .isEqualTo("{\"created_at\":\"now\",\"deleted_at\":null}");
        assertThat(new String(json.write(new PageView<>(List.of(), null)), StandardCharsets.UTF_8))
                .isEqualTo("{\"items\":[],\"next_cursor\":null}");
    }

    @Test
    void readsAMatchingBody() {
        assertThat(read("{\"replicas\":3,\"size\":\"small\"}", Scale.class)).isEqualTo(new Scale(3, "small"));
    }

    @Test
    void namesTheFieldOfAWrongType() {
        assertThat(problem("{\"replicas\":\"3\"}", Scale.class)).isEqualTo(new FieldProblem("replicas", "must be an integer"));
        assertThat(problem("{\"size\":7}", Scale.class)).isEqualTo(new FieldProblem("size", "must be a string"));
        assertThat(problem("{\"size\":true}", Scale.class)).isEqualTo(new FieldProblem("size", "must be a string"));
        assertThat(problem("{\"replicas\":1.5}", Scale.class).field()).isEqualTo("replicas");
    }

    @Test
    void namesTheNestedPathOfAProblem() {
        assertThat(problem("{\"types\":{\"web\":{\"replicas\":\"x\"}}}", Nested.class).field())
                .isEqualTo("types.web.replicas");
        assertThat(problem("{\"types\":{\"web\":{\"colour\":1}}}", Nested.class))
                .isEqualTo(new FieldProblem("types.web.colour", "is not a known field"));
    }

    @Test
    void aNumberTooLargeForItsFieldIsOutOfRange() {
        assertThat(problem("{\"replicas\":99999999999}", Scale.class)).isEqualTo(new FieldProblem("replicas", "is out of range"));
    }

    @Test
    void malformedJsonNamesTheBodyAndWhere() {
        FieldProblem p = problem("{\"size\": \"small", Scale.class);
        assertThat(p.field()).isEqualTo("body");
        assertThat(p.problem()).startsWith("is not valid JSON (line 1");
        assertThat(problem("{\"size\":\"a\",\"size\":\"b\"}", Scale.class).problem()).startsWith("is not valid JSON");
    }

    @Test
    void anEmptyBodyIsRequired() {
        assertThat(problem("", Scale.class)).isEqualTo(new FieldProblem("body", "is required: send a JSON object"));
    }

    private <T> T read(String text, Class<T> type) {
        return json.read(text.getBytes(StandardCharsets.UTF_8), type);
    }

    private FieldProblem problem(String text, Class<?> type) {
        try {
            read(text, type);
        } catch (ValidationFailed e) {
            assertThat(e.details()).hasSize(1);
            return e.details().getFirst();
        }
        throw new AssertionError("expected a refusal of " + text);
    }
}
