package org.vbcsettle;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules of DESIGN.md: money, contract, settlement and simulation import no Akka class (the same
 * calculators serve the actors, the CLI and the simulations), and dependencies point down only:
 * cli → api → ledger → simulation → ingest → settlement → contract → money.
 */
class ArchitectureTest {
    static final String[] LAYERS = {"cli", "api", "ledger", "simulation", "ingest", "settlement", "contract", "money"};
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.vbcsettle");
    }

    @Test
    void pureCoreImportsNoAkka() {
        noClasses().that().resideInAnyPackage("org.vbcsettle.money..", "org.vbcsettle.contract..",
                        "org.vbcsettle.settlement..", "org.vbcsettle.simulation..")
                .should().dependOnClassesThat().resideInAnyPackage("akka..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void dependenciesPointDownOnly() {
        for (int i = 1; i < LAYERS.length; i++) {
            String[] above = new String[i];
            for (int j = 0; j < i; j++) {
                above[j] = "org.vbcsettle." + LAYERS[j] + "..";
            }
            noClasses().that().resideInAPackage("org.vbcsettle." + LAYERS[i] + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(LAYERS[i] + " sits below " + String.join(", ", java.util.Arrays.copyOf(LAYERS, i)) + " in DESIGN.md")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }
}
