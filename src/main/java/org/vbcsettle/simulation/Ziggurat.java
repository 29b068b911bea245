package org.vbcsettle.simulation;

/**
 * Tables of the 128-layer ziggurat for the standard normal (Marsaglia and Tsang, "The Ziggurat Method for
 * Generating Random Variables", J. Stat. Software 5(8), 2000), computed at class load from the two
 * published constants: the right edge of the base layer R and the common area V of every layer.
 */
final class Ziggurat {
    static final double R = 3.442619855899;
    private static final double V = 9.91256303526217e-3;
    private static final double M1 = 2147483648.0; // 2^31: the draws are signed 32-bit integers

    /** KN[i]: |hz| below it lies wholly inside layer i (fast accept). */
    static final long[] KN = new long[128];
    /** WN[i]: layer i's width per unit of hz. */
    static final double[] WN = new double[128];
    /** FN[i]: the density exp(-x²/2) at layer i's right edge. */
    static final double[] FN = new double[128];

    static {
        double dn = R;
        double tn = dn;
        double q = V / Math.exp(-0.5 * dn * dn);
        KN[0] = (long) ((dn / q) * M1);
        KN[1] = 0;
        WN[0] = q / M1;
        WN[127] = dn / M1;
        FN[0] = 1.0;
        FN[127] = Math.exp(-0.5 * dn * dn);
        for (int i = 126; i >= 1; i--) {
            dn = Math.sqrt(-2.0 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
            KN[i + 1] = (long) ((dn / tn) * M1);
            tn = dn;
            FN[i] = Math.exp(-0.5 * dn * dn);
            WN[i] = dn / M1;
        }
    }

    private Ziggurat() {
    }
}
