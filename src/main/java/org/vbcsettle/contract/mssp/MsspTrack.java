package org.vbcsettle.contract.mssp;

import java.util.Locale;

/**
 * The MSSP participation tracks (42 CFR 425.600). Track 3 and ENHANCED are the same model (the regulation
 * deems every reference to ENHANCED to include Track 3).
 */
public enum MsspTrack {
    /** One-sided, agreement periods before 2019-07-01 (425.604). */
    TRACK_1("Track 1", false),
    /** Two-sided, agreement periods before 2019-07-01 (425.606). */
    TRACK_2("Track 2", true),
    /** Two-sided with a revenue-based loss limit, 2018–2019 (Track 1+ ACO Model). */
    TRACK_1_PLUS("Track 1+", true),
    /** Two-sided (425.610); Track 3 before 2019. */
    ENHANCED("ENHANCED", true),
    BASIC_A("BASIC Level A", false),
    BASIC_B("BASIC Level B", false),
    BASIC_C("BASIC Level C", true),
    BASIC_D("BASIC Level D", true),
    BASIC_E("BASIC Level E", true);

    private final String label;
    private final boolean twoSided;

    MsspTrack(String label, boolean twoSided) {
        this.label = label;
        this.twoSided = twoSided;
    }

    public String label() {
        return label;
    }

    public boolean twoSided() {
        return twoSided;
    }

    public boolean basic() {
        return name().startsWith("BASIC_");
    }

    /**
     * Reads the track as the PUFs and CMS documents write it: {@code A}..{@code E}, {@code Level E},
     * {@code BASIC Level C}, {@code BASIC E}, {@code EN}, {@code ENHANCED}, {@code Track 3}, {@code 3},
     * {@code 1}, {@code Track 1+}, {@code 1+}, {@code Track 2}.
     *
     * @throws IllegalArgumentException naming the text when it is no track
     */
    public static MsspTrack parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no track given");
        }
        String t = text.trim().toUpperCase(Locale.ROOT)
                .replace("BASIC", "").replace("LEVEL", "").replace("TRACK", "")
                .replace("_", "").replace("-", "").replace(" ", "");
        switch (t) {
            case "A":
                return BASIC_A;
            case "B":
                return BASIC_B;
            case "C":
                return BASIC_C;
            case "D":
                return BASIC_D;
            case "E":
                return BASIC_E;
            case "EN":
            case "ENH":
            case "ENHANCED":
            case "3":
                return ENHANCED;
            case "1":
                return TRACK_1;
            case "2":
                return TRACK_2;
            case "1+":
            case "1PLUS":
                return TRACK_1_PLUS;
            default:
                throw new IllegalArgumentException("'" + text + "' is no MSSP track (expected A–E, EN/ENHANCED, 1, 2, 3 or 1+)");
        }
    }
}
