package io.paasruntime.signoz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    @Test
    void readsWhatItWritesIncludingEscapes() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "quote \" back \\ nl \n tab \t ctl \u0001 é");
        value.put("n", 1733220000123L);
        value.put("d", 0.25);
        value.put("list", List.of(true, false, Map.of()));
        value.put("null", null);

        String text = Json.write(value);

        assertThat(text).startsWith("{\"s\":\"quote \\\" back \\\\ nl \\n tab \\t ctl \\u0001 é\",\"n\":1733220000123,");
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) Json.parse(text);
        assertThat(back.get("s")).isEqualTo(value.get("s"));
        assertThat(back.get("n")).isEqualTo(new BigDecimal("1733220000123"));
        assertThat(back.get("d")).isEqualTo(new BigDecimal("0.25"));
        assertThat(back.get("list")).isEqualTo(List.of(true, false, Map.of()));
        assertThat(back).containsEntry("null", null);
        assertThat(Json.parse(" [ 1e3 , \"\\u00e9\\/\" ] ")).isEqualTo(List.of(new BigDecimal("1e3"), "é/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":}", "[1,]", "{\"a\":1} x", "tru", "\"open", "{'a':1}", "[1 2]"})
    void refusesMalformedText(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON");
    }
}
