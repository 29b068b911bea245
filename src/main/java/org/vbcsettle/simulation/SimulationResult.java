package org.vbcsettle.simulation;

import java.util.List;

/** The outcomes of a run, in trial order, with what produced them. */
public record SimulationResult(SimulationModel model, int trials, long seed, int threads, List<TrialOutcome> outcomes,
                               long elapsedNanos) {

    public long[] providerPayouts() {
        long[] v = new long[outcomes.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = outcomes.get(i).providerPayoutCents();
        }
        return v;
    }

    public long[] payerNetCosts() {
        long[] v = new long[outcomes.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = outcomes.get(i).payerNetCostCents();
        }
        return v;
    }

    public long[] arrangementAmounts(int arrangementIndex) {
        long[] v = new long[outcomes.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = outcomes.get(i).arrangementCents()[arrangementIndex];
        }
        return v;
    }

    /** Member-years simulated: members at the start of the year × trials. */
    public double memberYears() {
        return (double) model.members() * trials;
    }
}
