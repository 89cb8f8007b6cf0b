package io.paasruntime.kubernetes;

import io.paasruntime.spi.ProviderException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallPartsTest {

    @Test
    void plainCommandsAreSplitAndShellCommandsRunInSh() {
        assertThat(ProcessCommand.args("./server --port=8080")).containsExactly("./server", "--port=8080");
        assertThat(ProcessCommand.args("python app.py")).containsExactly("python", "app.py");
        assertThat(ProcessCommand.args("node server.js && echo done")).containsExactly("sh", "-c", "node server.js && echo done");
        assertThat(ProcessCommand.args("gunicorn -b 0.0.0.0:$PORT app:app")).containsExactly("sh", "-c", "gunicorn -b 0.0.0.0:$PORT app:app");
        assertThat(ProcessCommand.args("echo 'hi there'")).containsExactly("sh", "-c", "echo 'hi there'");
        assertThat(ProcessCommand.args("RAILS_ENV=production rails s")).containsExactly("sh", "-c", "RAILS_ENV=production rails s");
        assertThat(ProcessCommand.args("")).isEmpty();
    }

    @Test
    void imageReferencesAreChecked() {
        assertThat(ImageReference.check("nginx")).isEqualTo("nginx");
        assertThat(ImageReference.check(" registry.example.com:5000/team/app:1.2.3 ")).isEqualTo("registry.example.com:5000/team/app:1.2.3");
        assertThat(ImageReference.check("ghcr.io/org/app@sha256:" + "a".repeat(64))).startsWith("ghcr.io/");
        for (String bad : new String[] {"", "UPPER/case", "app:", "app:tag with space", "-leading/dash", "app@sha256:short", "a".repeat(600)}) {
            assertThatThrownBy(() -> ImageReference.check(bad)).as(bad).isInstanceOfSatisfying(ProviderException.class, e -> {
                assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
                assertThat(e.field()).hasValue("image");
            });
        }
    }

    @Test
    void processTypesMustMakeKubernetesNames() {
        assertThat(AppLayout.dnsName("web")).isEqualTo("web");
        assertThat(AppLayout.dnsName("long_job")).isEqualTo("long-job");
        assertThatThrownBy(() -> AppLayout.dnsName("ends-")).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> AppLayout.dnsName("has.dot")).isInstanceOf(ProviderException.class);
    }
}
