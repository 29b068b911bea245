package org.vbcsettle.simulation;

import org.vbcsettle.contract.Contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A base run and its sensitivity sweeps: what {@code vbc-settle simulate} computes. */
public record SimulationRun(SimulationResult result, Summary summary, List<SweepResult> sweeps) {

    /**
     * Runs the base scenario, then each sweep's points with the same seed. The scenario is re-validated
     * with each swept value, so a value out of range fails with the scenario's usual error.
     */
    public static SimulationRun run(Contract contract, Scenario scenario, int trials, long seed, int threads,
                                    List<Sweep> sweeps, AtomicInteger progress) {
        // Check every sweep point before spending time on any run.
        List<List<SimulationModel>> sweepModels = new ArrayList<>();
        for (Sweep s : sweeps) {
            List<SimulationModel> models = new ArrayList<>();
            for (var v : s.values()) {
                models.add(SimulationModel.bind(contract, Sweep.withParameter(scenario, s.path(), v)));
            }
            sweepModels.add(models);
        }
        SimulationResult base = Simulation.run(SimulationModel.bind(contract, scenario), trials, seed, threads, progress);
        List<SweepResult> results = new ArrayList<>();
        for (int i = 0; i < sweeps.size(); i++) {
            List<Sweep.Point> points = new ArrayList<>();
            for (int k = 0; k < sweeps.get(i).values().size(); k++) {
                SimulationResult r = Simulation.run(sweepModels.get(i).get(k), trials, seed, threads, progress);
                points.add(Sweep.Point.of(sweeps.get(i).values().get(k), Summary.of(r)));
            }
            results.add(new SweepResult(sweeps.get(i).path(), points));
        }
        return new SimulationRun(base, Summary.of(base), List.copyOf(results));
    }

    /** Trials the run will settle in all (for a progress bar). */
    public static long totalTrials(int trials, List<Sweep> sweeps) {
        long n = trials;
        for (Sweep s : sweeps) {
            n += (long) trials * s.values().size();
        }
        return n;
    }
}
