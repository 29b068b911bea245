package org.vbcsettle.settlement;

/**
 * A benchmark found met: the trigger name its payout is keyed by (with the contract and period) and the
 * reason shown on the payout.
 */
public record Benchmark(String trigger, String description) {
}
