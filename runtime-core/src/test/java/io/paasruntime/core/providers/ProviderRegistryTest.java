package io.paasruntime.core.providers;

import io.paasruntime.spi.ProviderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderRegistryTest {
    private final ProviderRegistry registry = ProviderRegistry.create(Optional.empty());

    @Test
    void selectsTheFactoryWithTheConfiguredId() {
        assertThat(registry.select(Port.METRICS, "alpha")).isInstanceOf(TestMetricFactories.Alpha.class);
    }

    @Test
    void anUnknownIdFailsNamingTheIdsFound() {
        assertThatThrownBy(() -> registry.select(Port.METRICS, "nope"))
                .isInstanceOf(ProviderSetupException.class)
                .hasMessageContaining("unknown metrics provider 'nope'")
                .hasMessageContaining("alpha (SPI 1)")
                .hasMessageContaining("twin");
    }

    @Test
    void aDuplicateIdFailsNamingBothClasses() {
        assertThatThrownBy(() -> registry.select(Port.METRICS, "twin"))
                .isInstanceOf(ProviderSetupException.class)
                .hasMessageContaining("duplicate metrics provider id 'twin'")
                .hasMessageContaining("TwinOne").hasMessageContaining("TwinTwo");
    }

    @Test
    void aFactoryBuiltForAnotherSpiVersionIsRefused() {
        assertThatThrownBy(() -> registry.select(Port.METRICS, "old"))
                .isInstanceOf(ProviderSetupException.class)
                .hasMessageContaining("built for SPI version 0")
                .hasMessageContaining("SPI version 1");
    }

    @Test
    void aMissingProvidersFolderIsJustEmpty(@TempDir Path dir) {
        ProviderRegistry fromMissing = ProviderRegistry.create(Optional.of(dir.resolve("absent")));
        assertThat(fromMissing.providerJars()).isEmpty();
        assertThat(fromMissing.select(Port.METRICS, "alpha")).isNotNull();
    }

    @Test
    void settingsFromTheEnvironmentWinAndAreMatchedToDeclaredKeys() {
        RuntimeSettings settings = new RuntimeSettings(
                Map.of("metrics.provider", "alpha", "metrics.step", "5s"),
                Map.of("RUNTIME_METRICS_PROVIDER", "twin", "RUNTIME_METRICS_STEP", "30s"));
        assertThat(settings.providerId(Port.METRICS)).isEqualTo("twin");
        var factory = registry.select(Port.METRICS, "alpha");
        assertThat(settings.providerConfig(Port.METRICS, factory.configKeys()).require("step")).isEqualTo("30s");
    }

    @Test
    void unknownSettingsInAPortSectionAreRefusedByName() {
        RuntimeSettings settings = new RuntimeSettings(Map.of("metrics.stpe", "5s"), Map.of());
        var factory = registry.select(Port.METRICS, "alpha");
        assertThatThrownBy(() -> settings.providerConfig(Port.METRICS, factory.configKeys()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("metrics.stpe")
                .hasMessageContaining("known: metrics.step");
    }

    @Test
    void portsWithoutConfigUseTheirEmbeddedDefaults() {
        RuntimeSettings none = RuntimeSettings.empty();
        assertThat(none.providerId(Port.STORE)).isEqualTo("jdbc");
        assertThat(none.providerId(Port.IDENTITY)).isEqualTo("local");
        assertThat(none.providerId(Port.ORCHESTRATION)).isEqualTo("local");
        assertThat(none.providerNamed(Port.LOGS)).isFalse();
    }
}
