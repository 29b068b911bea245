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
        return run(contract, scenario, trials, seed, sweeps, progress,
                (model, changed, p) -> Simulation.run(model, trials, seed, threads, p));
    }

    /**
     * Settles the trials of one model: on this machine's threads ({@link Simulation#run}) or spread over a
     * cluster's nodes. {@code changed} lists the sweep parameter that differs from the scenario (empty for
     * the base run), so that a remote node can rebuild the same model from the same documents.
     */
    @FunctionalInterface
    public interface Runner {
        SimulationResult run(SimulationModel model, List<Sweep.Change> changed, AtomicInteger progress);
    }

    public static SimulationRun run(Contract contract, Scenario scenario, int trials, long seed,
                                    List<Sweep> sweeps, AtomicInteger progress, Runner runner) {
        // Check every sweep point before spending time on any run.
        List<List<SimulationModel>> sweepModels = new ArrayList<>();
        for (Sweep s : sweeps) {
            List<SimulationModel> models = new ArrayList<>();
            for (var v : s.values()) {
                models.add(SimulationModel.bind(contract, Sweep.withParameter(scenario, s.path(), v)));
            }
            sweepModels.add(models);
        }
        SimulationResult base = runner.run(SimulationModel.bind(contract, scenario), List.of(), progress);
        List<SweepResult> results = new ArrayList<>();
        for (int i = 0; i < sweeps.size(); i++) {
            List<Sweep.Point> points = new ArrayList<>();
            for (int k = 0; k < sweeps.get(i).values().size(); k++) {
                Sweep.Change change = new Sweep.Change(sweeps.get(i).path(), sweeps.get(i).values().get(k));
                SimulationResult r = runner.run(sweepModels.get(i).get(k), List.of(change), progress);
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
