package io.paasruntime.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell examples of {@code docs/api.md} run, in order, against a fresh server: every fenced
 * {@code sh} block whose first line is {@code # expect: <statuses>} must print exactly those HTTP
 * statuses (each {@code curl} prints its status with {@code -w '%{http_code}\n'}), and the whole
 * script must exit 0. So the guide cannot drift from the API.
 */
class ApiGuideExamplesTest {
    private static final Path GUIDE = Path.of("../docs/api.md");
    private static final Pattern BLOCK = Pattern.compile("```sh\\n# expect: ([0-9 ]+)\\n(.*?)```", Pattern.DOTALL);
    private static final String MARK = "::block ";

    @TempDir
    static Path dataDir;
    static TestServer api;

    /** One checked example: the statuses it must print and its script. */
    record Example(List<String> expected, String script) {
    }

    @BeforeAll
    static void start() {
        api = TestServer.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theGuidesCurlExamplesPrintTheStatusesTheyPromise(@TempDir Path work) throws Exception {
        List<Example> examples = examples(Files.readString(GUIDE));
        assertThat(examples).as("checked examples in " + GUIDE).hasSizeGreaterThanOrEqualTo(8);
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < examples.size(); i++) {
            script.append("echo '").append(MARK).append(i).append("'\n").append(examples.get(i).script()).append('\n');
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script.toString()).directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PAAS_URL", api.server().baseUri().toString());
        Process bash = builder.start();
        String output;
        try (var in = bash.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);
        assertThat(bash.exitValue()).as("the examples as one script:%n%s", output).isZero();

        List<List<String>> printed = statusesPerBlock(output);
        for (int i = 0; i < examples.size(); i++) {
            assertThat(printed.get(i)).as("statuses of example %d:%n%s", i + 1, examples.get(i).script())
                    .isEqualTo(examples.get(i).expected());
        }
    }

    private static List<Example> examples(String markdown) {
        List<Example> examples = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            examples.add(new Example(List.of(m.group(1).trim().split("\\s+")), m.group(2)));
        }
        return examples;
    }

    /** The lines that are just an HTTP status, grouped by the block that printed them. */
    private static List<List<String>> statusesPerBlock(String output) {
        List<List<String>> blocks = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith(MARK)) {
                blocks.add(new ArrayList<>());
            } else if (line.matches("\\d{3}") && !blocks.isEmpty()) {
                blocks.getLast().add(line);
            }
        }
        return blocks;
    }
}
