package io.paasruntime.cli.pack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IgnoreRulesTest {

    @Test
    void aPatternWithoutSlashMatchesAtAnyDepth() {
        IgnoreRules r = IgnoreRules.parse("*.log\nnode_modules\n");
        assertThat(r.ignored("app.log", false)).isTrue();
        assertThat(r.ignored("logs/deep/app.log", false)).isTrue();
        assertThat(r.ignored("app.log.txt", false)).isFalse();
        assertThat(r.ignored("node_modules", true)).isTrue();
        assertThat(r.ignored("web/node_modules", true)).isTrue();
    }

    @Test
    void aLeadingOrMiddleSlashAnchorsAtTheRoot() {
        IgnoreRules r = IgnoreRules.parse("/build\ndocs/*.md\n");
        assertThat(r.ignored("build", true)).isTrue();
        assertThat(r.ignored("src/build", true)).isFalse();
        assertThat(r.ignored("docs/a.md", false)).isTrue();
        assertThat(r.ignored("docs/sub/a.md", false)).isFalse();
        assertThat(r.ignored("x/docs/a.md", false)).isFalse();
    }

    @Test
    void aTrailingSlashMatchesDirectoriesOnly() {
        IgnoreRules r = IgnoreRules.parse("tmp/\n");
        assertThat(r.ignored("tmp", true)).isTrue();
        assertThat(r.ignored("a/tmp", true)).isTrue();
        assertThat(r.ignored("tmp", false)).isFalse();
    }

    @Test
    void doubleStarCrossesDirectories() {
        IgnoreRules r = IgnoreRules.parse("**/cache\na/**/b\nout/**\n");
        assertThat(r.ignored("cache", true)).isTrue();
        assertThat(r.ignored("x/y/cache", true)).isTrue();
        assertThat(r.ignored("a/b", false)).isTrue();
        assertThat(r.ignored("a/x/y/b", false)).isTrue();
        assertThat(r.ignored("out/x/y", false)).isTrue();
        assertThat(r.ignored("out", true)).isFalse();
    }

    @Test
    void theLastMatchingPatternWinsSoNegationReincludes() {
        IgnoreRules r = IgnoreRules.parse("*.env\n!example.env\n");
        assertThat(r.ignored("prod.env", false)).isTrue();
        assertThat(r.ignored("example.env", false)).isFalse();
        IgnoreRules back = IgnoreRules.parse("!keep.txt\n*.txt\n");
        assertThat(back.ignored("keep.txt", false)).isTrue();
    }

    @Test
    void questionMarksAndClassesMatchOneCharacterButNeverASlash() {
        IgnoreRules r = IgnoreRules.parse("file?.txt\nv[0-9].bin\nx[!a].c\n");
        assertThat(r.ignored("file1.txt", false)).isTrue();
        assertThat(r.ignored("file10.txt", false)).isFalse();
        assertThat(r.ignored("v7.bin", false)).isTrue();
        assertThat(r.ignored("vx.bin", false)).isFalse();
        assertThat(r.ignored("xb.c", false)).isTrue();
        assertThat(r.ignored("xa.c", false)).isFalse();
        assertThat(IgnoreRules.parse("a?b").ignored("a/b", false)).isFalse();
    }

    @Test
    void commentsBlankLinesAndEscapesAreHandled() {
        IgnoreRules r = IgnoreRules.parse("# a comment\n\n\\#hash\n\\!bang\nspaces   \r\nliteral.dots\n");
        assertThat(r.ignored("# a comment", false)).isFalse();
        assertThat(r.ignored("#hash", false)).isTrue();
        assertThat(r.ignored("!bang", false)).isTrue();
        assertThat(r.ignored("spaces", false)).isTrue();
        assertThat(r.ignored("literalxdots", false)).isFalse();
        assertThat(IgnoreRules.none().ignored("anything", false)).isFalse();
    }

    @Test
    void anUnclosedBracketIsTakenLiterally() {
        assertThat(IgnoreRules.parse("a[b").ignored("a[b", false)).isTrue();
    }
}
