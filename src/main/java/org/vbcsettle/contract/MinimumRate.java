package org.vbcsettle.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import java.math.BigDecimal;

/**
 * A minimum savings rate (MSR) or minimum loss rate (MLR): savings or losses count only when their rate
 * (as a share of the benchmark) reaches it.
 */
@ChosenByMethod
@JsonSubTypes({@JsonSubTypes.Type(value = MinimumRate.Fixed.class, name = "fixed"), @JsonSubTypes.Type(value = MinimumRate.CmsTable.class, name = "cms-table")})
public sealed interface MinimumRate {

    /** A negotiated fixed rate, e.g. 0.02 (MSSP two-sided choices: 0, 0.5, 1, 1.5 or 2%). */
    record Fixed(BigDecimal rate) implements MinimumRate {
    }

    /**
     * The MSSP one-sided table by number of assigned beneficiaries (42 CFR 425.604(b)), interpolated
     * linearly within each band; for two-sided ACOs that chose it, the MLR is the negative of the MSR.
     */
    record CmsTable() implements MinimumRate {
    }
}
