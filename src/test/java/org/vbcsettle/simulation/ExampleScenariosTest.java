package org.vbcsettle.simulation;

import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractLoader;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scenario shipped in simulations/ names an example contract, binds to it and runs. */
class ExampleScenariosTest {

    @Test
    void everyExampleContractHasAScenarioThatRuns() throws IOException {
        List<Path> scenarios;
        try (Stream<Path> s = Files.list(Path.of("simulations"))) {
            scenarios = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<Path> contracts;
        try (Stream<Path> s = Files.list(Path.of("contracts"))) {
            contracts = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(contracts).isNotEmpty();
        for (Path c : contracts) {
            assertThat(scenarios).as("a scenario for " + c).contains(Path.of("simulations").resolve(c.getFileName()));
        }
        for (Path p : scenarios) {
            Scenario scenario = ScenarioReader.read(p);
            assertThat(scenario.contract()).as(p + " names its contract").isNotNull();
            Contract contract = ContractLoader.load(p.getParent().resolve(scenario.contract()).normalize());
            // a small population keeps the test quick; the figures are checked for sanity only
            Scenario small = Sweep.withParameter(scenario, "population.members", BigDecimal.valueOf(300));
            SimulationResult r = Simulation.run(SimulationModel.bind(contract, small), 40, 1, 2, null);
            Summary s = Summary.of(r);
            assertThat(s.probabilitySavingsEarned()).as(p.toString()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(s.payerNetCost().mean().cents()).as(p.toString()).isPositive();
        }
    }
}
