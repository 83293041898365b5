package org.rareearth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine modules ({@code trade-data}, {@code simulation-engine}, {@code network-engine}) and the
 * contracts ({@code shared-model}) are plain Java: the CLI, the benchmarks and the services call them,
 * never the other way round. This module's class path holds exactly those four modules, so the
 * imported production classes are theirs.
 */
class EngineRulesTest {

    /** What an engine may not import: the service framework, the broker, the database layer. */
    static final String[] FRAMEWORKS = {"io.quarkus..", "jakarta..", "javax.persistence..", "javax.inject..",
            "org.apache.kafka..", "org.hibernate..", "io.smallrye..", "org.eclipse.microprofile..", "io.vertx..",
            "org.jboss.."};

    /** The adapter packages of the services (super-heroes layout): an engine knows none of them. */
    static final String[] ADAPTERS = {"org.rareearth..messaging..", "org.rareearth..rest..",
            "org.rareearth..persistence..", "org.rareearth..config..", "org.rareearth..service.."};

    static JavaClasses engines;

    @BeforeAll
    static void importEngines() {
        engines = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rareearth");
    }

    @Test
    void theImportSeesEveryEngineModule() {
        // a wrong class path would make every rule below vacuously true
        Set<String> names = engines.stream().map(JavaClass::getName).collect(Collectors.toSet());
        assertThat(names).contains(
                "org.rareearth.shared.scenario.PolicyEvent",
                "org.rareearth.tradedata.baci.BaciReader",
                "org.rareearth.tradedata.comtrade.ComtradeReader",
                "org.rareearth.simulation.model.ArmingtonMarket",
                "org.rareearth.simulation.solver.EquilibriumSolver",
                "org.rareearth.network.model.TradeNetwork",
                "org.rareearth.network.metrics.CommunityDetector");
        assertThat(names).noneMatch(n -> n.contains(".messaging.") || n.contains(".rest."));
    }

    @Test
    void enginesImportNoFramework() {
        noFrameworks(FRAMEWORKS).check(engines);
    }

    @Test
    void enginesKnowNoServiceAdapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .because("engines are called by the services' adapters, not the other way round")
                .check(engines);
    }

    @Test
    void engineModulesAreFreeOfPackageCycles() {
        // every package its own slice: a reader package and the format-neutral one may not need each other
        slices().matching("org.rareearth.(**)").should().beFreeOfCycles().check(engines);
    }

    @Test
    void theFrameworkRuleCatchesAnImport() {
        // the same rule with a package the engines do use must fail: the check is not vacuous
        assertThatThrownBy(() -> noFrameworks("java.util..").check(engines))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.util");
    }

    private static ArchRule noFrameworks(String... packages) {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(packages)
                .because("engine modules are plain Java (docs/architecture.md \"Modules\")");
    }
}
