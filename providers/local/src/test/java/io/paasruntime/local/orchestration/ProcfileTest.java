package io.paasruntime.local.orchestration;

import io.paasruntime.spi.ProviderException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcfileTest {

    @Test
    void readsTypesAndCommandsSkippingCommentsBlankAndInvalidLines() {
        Procfile procfile = Procfile.parse("""
                # comment
                web: python3 server.py --bind 127.0.0.1:$PORT

                worker_2:   sh -c 'echo a: b'
                Bad: skipped
                release-task:bin/migrate\r
                """);
        assertThat(procfile.processes()).containsExactly(
                java.util.Map.entry("web", "python3 server.py --bind 127.0.0.1:$PORT"),
                java.util.Map.entry("worker_2", "sh -c 'echo a: b'"),
                java.util.Map.entry("release-task", "bin/migrate"));
    }

    @Test
    void refusesAProcfileWithoutValidLinesOrWithADuplicateType() {
        assertThatThrownBy(() -> Procfile.parse("web:\n: x\n1web: y\n")).isInstanceOf(ProviderException.class)
                .hasMessageContaining("no valid line");
        assertThatThrownBy(() -> Procfile.parse("web: a\nweb: b\n")).isInstanceOf(ProviderException.class)
                .hasMessageContaining("'web' twice");
    }
}
