package io.paasruntime.cli.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {

    @Test
    void padsColumnsToTheWidestCellWithTwoSpacesBetween() {
        String out = new Table("NAME", "RELEASE", "URL")
                .row("hello", "v12", "http://127.0.0.1:41000")
                .row("a", "v1", "-")
                .render();
        assertThat(out).isEqualTo("""
                NAME   RELEASE  URL
                hello  v12      http://127.0.0.1:41000
                a      v1       -
                """);
    }

    @Test
    void leavesNoTrailingBlanksAndPrintsMissingCellsEmpty() {
        String out = new Table("A", "B", "C").row("x").row("yy", null, "").render();
        assertThat(out.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
        assertThat(out.lines().toList()).containsExactly("A   B  C", "x", "yy");
    }

    @Test
    void countsBlockCharactersAsOneColumnEach() {
        String out = new Table("P", "S", "MAX").row("web", "▁▂█", "3").row("worker", "▁", "1").render();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(1).indexOf('3')).isEqualTo(lines.get(0).indexOf("MAX"));
        assertThat(lines.get(2).indexOf('1')).isEqualTo(lines.get(0).indexOf("MAX"));
    }

    @Test
    void flattensNewlinesInsideCells() {
        assertThat(new Table("M").row("two\nlines").render()).isEqualTo("M\ntwo lines\n");
    }

    @Test
    void refusesRowsWiderThanTheHeader() {
        assertThatThrownBy(() -> new Table("A").row("1", "2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyValuesAlignValuesAfterTheLongestKey() {
        String out = new KeyValues().add("Name", "hello").add("Web URL", "http://x").add("Empty", null).render();
        assertThat(out).isEqualTo("Name:    hello\nWeb URL: http://x\nEmpty:\n");
    }
}
