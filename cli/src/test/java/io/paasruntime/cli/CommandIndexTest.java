package io.paasruntime.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import static org.assertj.core.api.Assertions.assertThat;

class CommandIndexTest {

    @Test
    void everyIndexedNameIsTheCommandsOwnName() {
        CommandIndex.ALL.forEach((name, command) ->
                assertThat(command.get().getClass().getAnnotation(Command.class).name()).isEqualTo(name));
    }

    @Test
    void theCommandIsTheFirstArgumentThatIsNotAGlobalOption() {
        assertThat(CommandIndex.commandName(new String[] {"apps", "--json"})).isEqualTo("apps");
        assertThat(CommandIndex.commandName(new String[] {"--api", "http://x", "ps", "-a", "y"})).isEqualTo("ps");
        assertThat(CommandIndex.commandName(new String[] {"--api=http://x", "logs"})).isEqualTo("logs");
        assertThat(CommandIndex.commandName(new String[] {"--help"})).isNull();
        assertThat(CommandIndex.commandName(new String[0])).isNull();
    }

    @Test
    void theRootHelpListsEveryCommandEvenThoughRunsRegisterOnlyTheirOwn() {
        CliRun help = CliRun.run(java.util.Map.of("HOME", "/nonexistent"), java.nio.file.Path.of("."), "", "--help");
        assertThat(help.exitCode()).isZero();
        CommandIndex.ALL.keySet().forEach(name -> assertThat(help.out()).contains("  " + name + " "));
    }
}
