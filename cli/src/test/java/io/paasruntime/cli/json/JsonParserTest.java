package io.paasruntime.cli.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonParserTest {

    @Test
    void parsesObjectsInDocumentOrderWithEveryValueType() {
        Object v = JsonParser.parse(" {\"b\":1,\"a\":[true,false,null],\"s\":\"x\",\"d\":-2.5e1,\"o\":{}} ");
        assertThat(v).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("b", "a", "s", "d", "o");
        assertThat(m.get("b")).isEqualTo(1L);
        assertThat((List<?>) m.get("a")).isEqualTo(java.util.Arrays.asList(true, false, null));
        assertThat(m.get("s")).isEqualTo("x");
        assertThat(m.get("d")).isEqualTo(new BigDecimal("-2.5e1"));
        assertThat((Map<?, ?>) m.get("o")).isEmpty();
    }

    @Test
    void decodesEscapesIncludingSurrogatePairs() {
        assertThat(JsonParser.parse("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\""))
                .isEqualTo("a\"b\\c/d\n\té😀");
    }

    @Test
    void keepsIntegersBeyondLongAsBigDecimal() {
        assertThat(JsonParser.parse("12345678901234567890")).isEqualTo(new BigDecimal("12345678901234567890"));
        assertThat(JsonParser.parse("-0")).isEqualTo(0L);
    }

    @Test
    void rejectsMalformedDocumentsWithTheOffset() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", "-", "\"abc", "tru",
                "[1] x", "{\"a\" 1}", "\"\\x\"", "\"\\u12\"", "\"a\nb\"", "NaN")) {
            assertThatThrownBy(() -> JsonParser.parse(bad)).as(bad).isInstanceOf(JsonException.class)
                    .hasMessageContaining("at offset");
        }
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "[".repeat(500) + "]".repeat(500);
        assertThatThrownBy(() -> JsonParser.parse(deep)).hasMessageContaining("nesting too deep");
    }

    @Test
    void writerOutputParsesBackToTheSameValue() {
        String doc = "{\"name\":\"a \\\"q\\\" \\u0001\",\"n\":[1,2.5,null,true],\"o\":{\"k\":\"v\"},\"e\":[]}";
        Object parsed = JsonParser.parse(doc);
        assertThat(JsonWriter.compact(parsed)).isEqualTo(doc);
        assertThat(JsonParser.parse(JsonWriter.pretty(parsed))).isEqualTo(parsed);
        assertThat(JsonWriter.pretty(Map.of("a", List.of(1)))).isEqualTo("{\n  \"a\": [\n    1\n  ]\n}");
    }

    @Test
    void writerRefusesNumbersJsonCannotHold() {
        assertThatThrownBy(() -> JsonWriter.compact(Double.NaN)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonWriter.compact(new Object())).isInstanceOf(JsonException.class);
    }

    @Test
    void nodeReadsMissingFieldsAsAbsentInsteadOfFailing() {
        JsonNode n = JsonNode.parse("{\"a\":{\"b\":\"x\",\"n\":3,\"f\":1.50},\"l\":[1,2]}");
        assertThat(n.get("a").get("b").text()).isEqualTo("x");
        assertThat(n.get("a").get("n").asLong(-1)).isEqualTo(3);
        assertThat(n.get("a").get("f").text()).isEqualTo("1.5");
        assertThat(n.get("missing").get("deeper").text()).isEmpty();
        assertThat(n.get("missing").text("fallback")).isEqualTo("fallback");
        assertThat(n.get("l").elements()).extracting(JsonNode::text).containsExactly("1", "2");
        assertThat(n.get("a").elements()).isEmpty();
        assertThat(n.get("a").fieldNames()).containsExactly("b", "n", "f");
    }
}
