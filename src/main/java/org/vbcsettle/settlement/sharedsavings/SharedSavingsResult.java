package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.ArrangementFigures;
import org.vbcsettle.settlement.Benchmark;

import java.math.BigDecimal;
import java.util.List;

/**
 * The figures of a shared-savings (and shared-losses) settlement. Intermediate figures before the final
 * rounding are exact cents ({@code ...Cents}, BigDecimal): only the earned amount is rounded, as CMS does.
 *
 * @param inputs             the aggregate figures settled
 * @param basis              how the inputs were derived from claims and attribution (null: given as aggregates)
 * @param savings            benchmark − expenditure (negative: losses)
 * @param savingsRate        savings ÷ benchmark, 10 decimals
 * @param minimumSavingsRate the MSR that applied
 * @param quality            the quality tier met and the sharing rate it gives
 * @param gain               the savings side (null unless there are savings)
 * @param loss               the loss side (null unless there are losses and the terms are two-sided)
 * @param unroundedCents     earned (negative: owed) before {@link SharedSavingsCalculator#AMOUNT_ROUNDING}
 * @param earned             the arrangement's amount
 */
public record SharedSavingsResult(SharedSavingsFigures inputs, SharedSavingsBasis basis, Money savings, BigDecimal savingsRate,
                                  BigDecimal minimumSavingsRate, Quality quality, Gain gain, Loss loss,
                                  BigDecimal unroundedCents, Money earned) implements ArrangementFigures {

    /**
     * @param gated       the terms have a quality rule (else the full sharing rate applies)
     * @param sharingRate the sharing rate the tier gives, before the MSR and the low-revenue rule
     */
    public record Quality(boolean gated, BigDecimal score, boolean standardMet, boolean alternativeMet, BigDecimal sharingRate) {
        public boolean passing() {
            return standardMet || alternativeMet;
        }
    }

    /**
     * @param msrMet           savings ≥ MSR × benchmark, compared exactly
     * @param reducedSharing   42 CFR 425.605(h): a low-revenue BASIC ACO below the MSR shares at a reduced rate
     * @param reducedFactor    the factor of that rule (null when it did not apply)
     * @param finalSharingRate 0 when nothing is shared
     * @param sequestration    share withheld (0: none)
     * @param cap              share of the benchmark savings are limited to (null: no cap)
     * @param limitCents       cap × benchmark (null: no cap)
     */
    public record Gain(boolean msrMet, boolean reducedSharing, BigDecimal reducedFactor, BigDecimal finalSharingRate,
                       BigDecimal sharedCents, BigDecimal sequestration, BigDecimal afterSequestrationCents, BigDecimal cap,
                       BigDecimal limitCents, boolean capApplied) {
        public boolean shared() {
            return msrMet || reducedSharing;
        }
    }

    /**
     * @param mlrMet                 losses ≥ MLR × benchmark, compared exactly
     * @param lossRate               the shared loss rate (null when the MLR is not met)
     * @param sharedCents            losses × shared loss rate, positive
     * @param limitCents             the loss limit (null: none)
     * @param owedBeforeDisasterCents min(shared losses, limit), positive
     * @param disasterShare          the affected share forgiven (0 when the adjustment does not apply)
     * @param disasterReductionCents owed × disaster share
     */
    public record Loss(BigDecimal minimumLossRate, boolean mlrMet, BigDecimal lossRate, BigDecimal sharedCents,
                       BigDecimal limitCents, BigDecimal owedBeforeDisasterCents, BigDecimal disasterShare,
                       BigDecimal disasterReductionCents) {
    }

    public Money benchmark() {
        return inputs.benchmark();
    }

    public Money expenditure() {
        return inputs.expenditure();
    }

    public long assignedBeneficiaries() {
        return inputs.assignedBeneficiaries();
    }

    public long memberMonths() {
        return inputs.memberMonths();
    }

    public BigDecimal qualityScore() {
        return quality.score();
    }

    /** The benchmark that makes savings count: savings rate ≥ MSR (false when there are no savings). */
    public boolean msrMet() {
        return gain != null && gain.msrMet();
    }

    public BigDecimal finalSharingRate() {
        return gain == null ? BigDecimal.ZERO : gain.finalSharingRate();
    }

    public boolean savingsCapApplied() {
        return gain != null && gain.capApplied();
    }

    /** With two-sided terms and losses: the MLR; else null. */
    public BigDecimal minimumLossRate() {
        return loss == null ? null : loss.minimumLossRate();
    }

    /** With two-sided terms and losses: whether the MLR is met; else null. */
    public Boolean minimumLossRateMet() {
        return loss == null ? null : loss.mlrMet();
    }

    /** The loss limit to the cent (null: none or no losses shared). */
    public Money lossLimit() {
        return loss == null || loss.limitCents() == null ? null : Rounding.NEAREST_CENT.apply(loss.limitCents());
    }

    /** Shared losses owed before the disaster adjustment, to the cent (null: no losses shared). */
    public Money owedBeforeDisaster() {
        return loss == null || loss.owedBeforeDisasterCents() == null ? null : Rounding.NEAREST_CENT.apply(loss.owedBeforeDisasterCents());
    }

    @Override
    public Money amount() {
        return earned;
    }

    /** Shared savings are paid at settlement only: the MSR gates the amount, it triggers no advance. */
    @Override
    public List<Benchmark> benchmarksMet(String arrangementId) {
        return List.of();
    }
}
