package org.vbcsettle.contract;

import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * Bundled payments against an episode target price, after CMS BPCI Advanced: an anchor claim opens an
 * episode; claims of the member in the window are its spend; reconciliation = target − winsorized spend,
 * summed over episodes, adjusted by the composite quality score and bounded by stop-gain / stop-loss.
 *
 * @param episodes          the episode types this arrangement covers
 * @param winsorization     how outlier episode spend is limited (null: no winsorization)
 * @param qualityAdjustment composite quality score adjustment (null: none)
 * @param stopGain          positive reconciliation is limited to this share of total target price (e.g. 0.20)
 * @param stopLoss          repayment is limited to this share of total target price (e.g. 0.20)
 * @param qualityBeforeLimits whether the CQS adjustment is applied before stop-gain / stop-loss (null: true,
 *                          CMS's order as this project reads the Reconciliation Specifications); false applies
 *                          the limits to the Total Reconciliation Amount first and the CQS adjustment last
 * @param prorateDrgStays   whether an inpatient stay paid by MS-DRG that runs past the episode end is prorated
 *                          by days like any other claim (null: false, the stay counts whole)
 */
public record BundledPayment(
        String id,
        List<EpisodeDefinition> episodes,
        Winsorization winsorization,
        QualityAdjustment qualityAdjustment,
        BigDecimal stopGain,
        BigDecimal stopLoss,
        Boolean qualityBeforeLimits,
        Boolean prorateDrgStays) implements Arrangement {

    /** Terms with CMS's order of steps and DRG stays counted whole. */
    public BundledPayment(String id, List<EpisodeDefinition> episodes, Winsorization winsorization,
                          QualityAdjustment qualityAdjustment, BigDecimal stopGain, BigDecimal stopLoss) {
        this(id, episodes, winsorization, qualityAdjustment, stopGain, stopLoss, null, null);
    }

    public boolean qualityFirst() {
        return qualityBeforeLimits == null || qualityBeforeLimits;
    }

    public boolean prorateDrgStaysOrDefault() {
        return prorateDrgStays != null && prorateDrgStays;
    }

    /**
     * One clinical episode type. Its target price is built as CMS builds a BPCI Advanced target price
     * (Target Price Specifications, §4 "Steps in Target Price Construction"; Clinical Episode Reconciliation
     * Specifications, "Calculate Final Target Price"): benchmark price × patient case-mix adjustment ×
     * (1 − CMS discount), rounded once to the cent.
     *
     * @param episodeType       short code, e.g. {@code MJRLE}
     * @param anchorDrgs        MS-DRG codes of an anchor inpatient stay, e.g. ["469", "470"]
     * @param anchorHcpcs       HCPCS codes of an anchor outpatient procedure, e.g. ["27447"]
     * @param windowDays        days the episode runs from discharge, the day of discharge being day 1 (default 90)
     * @param targetPrice       CMS's benchmark price per episode, before the case-mix adjustment and the discount
     * @param discount          CMS discount taken off the adjusted benchmark price, e.g. 0.03 (null: none)
     * @param caseMixAdjustment CMS's patient case-mix adjustment (PCMA) factor for the participant's episodes of
     *                          this type in the performance period, e.g. 1.0412 (null: 1, no adjustment)
     * @param nationalBounds    CMS's national 1st and 99th percentile spend of this clinical episode, used when
     *                          the winsorization is {@code bounds: national}
     * @param excludedDrgs      MS-DRGs of inpatient stays left out of episode spend (CMS's exclusions list)
     * @param excludedHcpcs     HCPCS codes whose claims are left out of episode spend (CMS's exclusions list)
     */
    public record EpisodeDefinition(String episodeType, String name, List<String> anchorDrgs,
                                    List<String> anchorHcpcs, Integer windowDays, Money targetPrice,
                                    BigDecimal discount, BigDecimal caseMixAdjustment, SpendBounds nationalBounds,
                                    List<String> excludedDrgs, List<String> excludedHcpcs) {

        /** An episode type with no case-mix adjustment, no national bounds and no exclusions. */
        public EpisodeDefinition(String episodeType, String name, List<String> anchorDrgs, List<String> anchorHcpcs,
                                 Integer windowDays, Money targetPrice, BigDecimal discount) {
            this(episodeType, name, anchorDrgs, anchorHcpcs, windowDays, targetPrice, discount, null, null, null, null);
        }

        public int windowDaysOrDefault() {
            return windowDays == null ? 90 : windowDays;
        }
    }

    /** Episode spend below {@code lower} is raised to it, spend above {@code upper} lowered to it. */
    public record SpendBounds(Money lower, Money upper) {
    }

    /** {@link Winsorization#bounds()} for CMS's national bounds of each clinical episode. */
    public static final String NATIONAL = "national";
    /** {@link Winsorization#bounds()} for percentiles over this contract's own episodes of a type. */
    public static final String CONTRACT_PERCENTILES = "contract-percentiles";

    /**
     * How outlier episode spend is limited, in one of three forms:
     * <ul>
     *   <li>{@code bounds: national}: each episode type's {@link EpisodeDefinition#nationalBounds()}, CMS's
     *       national 1st/99th percentile spend of the clinical episode (BPCI Advanced);</li>
     *   <li>{@code bounds: contract-percentiles} with {@code lowerPercentile} and {@code upperPercentile}:
     *       nearest-rank percentiles over this contract's own episodes of a type, an explicit alternative
     *       (over fewer than 100 episodes the 1st and 99th percentiles are the smallest and largest spend,
     *       so they change nothing);</li>
     *   <li>{@code fixedCap}: one cap per episode.</li>
     * </ul>
     */
    public record Winsorization(BigDecimal lowerPercentile, BigDecimal upperPercentile, Money fixedCap, String bounds) {

        public static Winsorization national() {
            return new Winsorization(null, null, null, NATIONAL);
        }

        public static Winsorization contractPercentiles(BigDecimal lower, BigDecimal upper) {
            return new Winsorization(lower, upper, null, CONTRACT_PERCENTILES);
        }

        public static Winsorization fixedCap(Money cap) {
            return new Winsorization(null, null, cap, null);
        }
    }

    /**
     * Composite quality score adjustment: a positive reconciliation is reduced by up to
     * {@code maxAdjustment} × (1 − CQS); a repayment is reduced by up to {@code maxAdjustment} × CQS.
     *
     * @param maxAdjustment     at most 0.10 (BPCI Advanced)
     * @param sourceArrangement id of a quality-incentive arrangement whose composite is the CQS; null when
     *                          the CQS is reported as an input
     */
    public record QualityAdjustment(BigDecimal maxAdjustment, String sourceArrangement) {
    }

    @Override
    public String typeName() {
        return "bundled-payment";
    }
}
