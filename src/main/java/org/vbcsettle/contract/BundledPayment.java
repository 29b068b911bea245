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
 */
public record BundledPayment(
        String id,
        List<EpisodeDefinition> episodes,
        Winsorization winsorization,
        QualityAdjustment qualityAdjustment,
        BigDecimal stopGain,
        BigDecimal stopLoss) implements Arrangement {

    /**
     * @param episodeType  short code, e.g. {@code MJRLE}
     * @param anchorDrgs   MS-DRG codes of an anchor inpatient stay, e.g. ["469", "470"]
     * @param anchorHcpcs  HCPCS codes of an anchor outpatient procedure, e.g. ["27447"]
     * @param windowDays   days the episode runs from the anchor's start (default 90 post-discharge window
     *                     counted from the anchor's service-through date)
     * @param targetPrice  benchmark price per episode before the discount
     * @param discount     CMS discount taken off the benchmark price, e.g. 0.03 (null: none)
     */
    public record EpisodeDefinition(String episodeType, String name, List<String> anchorDrgs,
                                    List<String> anchorHcpcs, Integer windowDays, Money targetPrice,
                                    BigDecimal discount) {
        public int windowDaysOrDefault() {
            return windowDays == null ? 90 : windowDays;
        }
    }

    /**
     * Either percentile bounds over the period's episodes of a type (e.g. 0.01 and 0.99), or a fixed
     * per-episode cap. Exactly one of the two forms is set.
     */
    public record Winsorization(BigDecimal lowerPercentile, BigDecimal upperPercentile, Money fixedCap) {
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
