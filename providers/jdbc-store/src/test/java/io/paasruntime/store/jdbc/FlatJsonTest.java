package io.paasruntime.store.jdbc;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlatJsonTest {

    @Test
    void mapsSurviveARoundTripWhateverTheirCharacters() {
        Map<String, String> map = Map.of("Q", "say \"hi\" \\ /", "CTRL", "a\nb\tc\r\u0001", "U", "été ✓ 🚀", "", "");
        assertThat(FlatJson.decode(FlatJson.encode(map))).isEqualTo(map);
        assertThat(FlatJson.encode(Map.of())).isEqualTo("{}");
    }

    @Test
    void readsPostgresJsonbOutputWithSpacesAndEscapes() {
        assertThat(FlatJson.decode(" {\"a\": \"1\", \"b\\u00e9\": \"x\\/y\\n\"} "))
                .isEqualTo(Map.of("a", "1", "bé", "x/y\n"));
    }

    @Test
    void refusesAnythingButAFlatObjectOfStrings() {
        for (String bad : new String[]{"", "[]", "{\"a\": 1}", "{\"a\": \"1\"", "{\"a\": \"1\"} x", "{\"a\": \"\\q\"}"}) {
            assertThatThrownBy(() -> FlatJson.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
