package org.vbcsettle;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules of the README's layout and docs/calculators.md: money, contract, settlement and simulation
 * import no Akka class (the same calculators serve the actors, the CLI and the simulations); dependencies point
 * down only: cli → api → ledger → simulation → ingest → settlement → contract → money; and within settlement,
 * each arrangement kind keeps to its own package.
 */
class ArchitectureTest {
    static final String[] LAYERS = {"cli", "api", "ledger", "simulation", "ingest", "settlement", "contract", "money"};
    /** One package per arrangement kind: its calculator, its typed result and their package-private steps. */
    static final String[] ARRANGEMENTS = {"sharedsavings", "bundled", "quality"};
    static final String SETTLEMENT = "org.vbcsettle.settlement";
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
                    .because(LAYERS[i] + " sits below " + String.join(", ", java.util.Arrays.copyOf(LAYERS, i)) + " in the README's layout")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    /** An arrangement package depends only on contract, money, the shared settlement types and the JDK. */
    @Test
    void eachArrangementPackageDependsOnlyOnContractMoneyAndTheSharedSettlementTypes() {
        for (String kind : ARRANGEMENTS) {
            String own = SETTLEMENT + "." + kind;
            classes().that().resideInAPackage(own)
                    .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.vbcsettle.money..", "org.vbcsettle.contract..",
                            SETTLEMENT, own)
                    .because("an arrangement kind is settled by its own package alone (docs/calculators.md)")
                    .check(classes);
        }
    }

    /**
     * The shared settlement types know no arrangement kind, except the one dispatch over the kinds
     * (ContractSettlement) and the registry of the figures' JSON subtypes (ArrangementFigures).
     */
    @Test
    void sharedSettlementTypesKnowNoArrangementKindButTheDispatch() {
        noClasses().that().resideInAPackage(SETTLEMENT)
                .and().doNotHaveSimpleName("ContractSettlement").and().doNotHaveSimpleName("ArrangementFigures")
                .should().dependOnClassesThat().resideInAnyPackage(arrangementPackages())
                .check(classes);
    }

    /**
     * An arrangement package's internals are its non-public classes (arithmetic steps, line-item renderers,
     * episode construction, winsorization, measure scoring); the rest of the engine reaches a kind only through
     * its public calculator, result and input records.
     */
    @Test
    void nothingOutsideAnArrangementPackageReachesItsInternals() {
        DescribedPredicate<JavaClass> internal = new DescribedPredicate<>("an arrangement package's non-public class") {
            @Override
            public boolean test(JavaClass c) {
                return c.getPackageName().startsWith(SETTLEMENT + ".") && !c.getModifiers().contains(JavaModifier.PUBLIC);
            }
        };
        for (String kind : ARRANGEMENTS) {
            noClasses().that().resideOutsideOfPackage(SETTLEMENT + "." + kind)
                    .should().dependOnClassesThat(internal.and(new DescribedPredicate<>("in " + kind) {
                        @Override
                        public boolean test(JavaClass c) {
                            return c.getPackageName().equals(SETTLEMENT + "." + kind);
                        }
                    }))
                    .check(classes);
        }
        classes().that().resideInAnyPackage(arrangementPackages())
                .and().haveSimpleNameEndingWith("LineItems")
                .should().notBePublic()
                .because("statements are rendered inside the kind's package from its typed result")
                .check(classes);
    }

    private static String[] arrangementPackages() {
        List<String> out = new ArrayList<>();
        for (String kind : ARRANGEMENTS) {
            out.add(SETTLEMENT + "." + kind);
        }
        return out.toArray(new String[0]);
    }
}
