package org.vbcsettle.simulation;

/**
 * A scenario (or its pairing with a contract) is not usable. The message names the file, the field path
 * and the problem: {@code simulations/x.yaml: cost.tiers[0].severity.sigma: must be > 0, was -1}.
 */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
