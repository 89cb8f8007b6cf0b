package io.paasruntime.cli.commands;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignmentsTest {

    @Test
    void splitsAtTheFirstEqualsSoValuesMayContainEquals() {
        Map<String, String> vars = Assignments.parse(
                List.of("GREETING=hi", "DATABASE_URL=postgres://u:p@h/db?sslmode=require&a=b", "EMPTY=", "_X1=a=b=c"),
                Assignments.CONFIG_KEY, "KEY");
        assertThat(vars).containsExactly(
                Map.entry("GREETING", "hi"),
                Map.entry("DATABASE_URL", "postgres://u:p@h/db?sslmode=require&a=b"),
                Map.entry("EMPTY", ""),
                Map.entry("_X1", "a=b=c"));
    }

    @Test
    void aRepeatedKeyKeepsItsLastValue() {
        assertThat(Assignments.parse(List.of("A=1", "A=2"), Assignments.CONFIG_KEY, "KEY")).containsExactly(Map.entry("A", "2"));
    }

    @Test
    void refusesInvalidKeysAndArgumentsWithoutEquals() {
        assertThatThrownBy(() -> Assignments.parse(List.of("1BAD=x"), Assignments.CONFIG_KEY, "KEY"))
                .hasMessageContaining("'1BAD' is not a valid key");
        assertThatThrownBy(() -> Assignments.parse(List.of("greeting=x"), Assignments.CONFIG_KEY, "KEY"))
                .hasMessageContaining("'greeting'");
        assertThatThrownBy(() -> Assignments.parse(List.of("MY-VAR=x"), Assignments.CONFIG_KEY, "KEY"))
                .hasMessageContaining("'MY-VAR'");
        assertThatThrownBy(() -> Assignments.parse(List.of("=x"), Assignments.CONFIG_KEY, "KEY"))
                .hasMessageContaining("'' is not a valid key");
        assertThatThrownBy(() -> Assignments.parse(List.of("NOVALUE"), Assignments.CONFIG_KEY, "KEY"))
                .hasMessage("expected KEY=VALUE, got 'NOVALUE'");
    }

    @Test
    void processTypesAllowDashesButNotSpaces() {
        assertThat(Assignments.parse(List.of("web=2", "worker-2=0"), Assignments.PROCESS_TYPE, "TYPE"))
                .containsExactly(Map.entry("web", "2"), Map.entry("worker-2", "0"));
        assertThatThrownBy(() -> Assignments.parse(List.of("we b=1"), Assignments.PROCESS_TYPE, "TYPE"))
                .hasMessageContaining("not a valid type");
    }

    @Test
    void bareKeysAreCheckedAndDeduplicated() {
        assertThat(Assignments.keys(List.of("A", "B", "A"), Assignments.CONFIG_KEY, "KEY")).containsExactly("A", "B");
        assertThatThrownBy(() -> Assignments.keys(List.of("A=1"), Assignments.CONFIG_KEY, "KEY"))
                .hasMessageContaining("'A=1' is not a valid key");
    }
}
