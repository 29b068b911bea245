package org.vbcsettle.simulation;

import java.util.List;

/** The points of one sensitivity sweep, in order of the parameter's values. */
public record SweepResult(String path, List<Sweep.Point> points) {
    public SweepResult {
        points = List.copyOf(points);
    }
}
