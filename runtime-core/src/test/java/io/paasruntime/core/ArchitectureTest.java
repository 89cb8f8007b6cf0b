package io.paasruntime.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The dependency rule: the core speaks the SPI and the JDK only, so any program can embed it. */
class ArchitectureTest {
    private static final String[] FRAMEWORKS = {
            "io.helidon..", "org.apache.ibatis..", "org.mybatis..", "org.flywaydb..", "io.fabric8..",
            "com.fasterxml.jackson..", "dagger..", "com.zaxxer..", "org.postgresql..", "com.nimbusds.."};

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.paasruntime.core");

    @Test
    void coreImportsNoFrameworkTypes() {
        ArchRule rule = noClasses().that().resideInAPackage("io.paasruntime.core..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("runtime-core depends on runtime-spi and the JDK only (DESIGN.md)");
        rule.check(core);
    }

    @Test
    void coreDoesNotReachIntoProvidersOrServer() {
        noClasses().that().resideInAPackage("io.paasruntime.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.paasruntime.server..", "io.paasruntime.local..",
                        "io.paasruntime.store..", "io.paasruntime.postgres..", "io.paasruntime.keycloak..",
                        "io.paasruntime.kubernetes..", "io.paasruntime.signoz..")
                .check(core);
    }

    @Test
    void theRuleSeesTheCoreClasses() {
        // guards against a rule that passes because it imported nothing
        assertThat(core.containPackage("io.paasruntime.core.apps")).isTrue();
        assertThat(core.size()).isGreaterThan(20);
    }
}
