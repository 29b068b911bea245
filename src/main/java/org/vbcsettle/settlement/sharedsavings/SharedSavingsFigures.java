package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.money.Money;

import java.math.BigDecimal;

/**
 * The aggregate figures a shared-savings settlement is computed from. The ledger and the CLI derive them
 * from claims and attribution; {@code reconcile-mssp} reads them from a CMS PUF row; the simulations draw
 * them. One calculator, {@link SharedSavingsCalculator#compute}, turns them into the settlement.
 *
 * @param benchmark              total benchmark for the period (already trended / risk adjusted)
 * @param expenditure            total expenditure (already truncated / completed where the terms say so)
 * @param assignedBeneficiaries  drives the CMS MSR/MLR table
 * @param memberMonths           attributed member-months (for PMPM figures on the statement)
 * @param qualityScore           0..1, null when no quality score applies
 * @param qualityStandardMet     quality performance standard met (null: decided from the score and the rule)
 * @param alternativeStandardMet only the alternative standard met (null: decided from the score and the rule)
 * @param participantRevenue     for revenue-based loss limits (null: not known, the benchmark cap applies)
 * @param disasterShare          share of losses forgiven for extreme and uncontrollable circumstances, 0..1
 * @param lowRevenue             low-revenue ACO, for 42 CFR 425.605(h)
 * @param benchmarkGuardrail     the benchmark guardrail of 42 CFR 425.652(b)(5)(ii) applies (expenditures below the
 *                               recalculated benchmark): neither savings nor losses are shared (null: does not apply)
 */
public record SharedSavingsFigures(
        Money benchmark,
        Money expenditure,
        long assignedBeneficiaries,
        long memberMonths,
        BigDecimal qualityScore,
        Boolean qualityStandardMet,
        Boolean alternativeStandardMet,
        Money participantRevenue,
        BigDecimal disasterShare,
        boolean lowRevenue,
        Boolean benchmarkGuardrail) {

    /** Figures without the benchmark guardrail (every year before PY2024, and commercial terms). */
    public SharedSavingsFigures(Money benchmark, Money expenditure, long assignedBeneficiaries, long memberMonths,
                                BigDecimal qualityScore, Boolean qualityStandardMet, Boolean alternativeStandardMet,
                                Money participantRevenue, BigDecimal disasterShare, boolean lowRevenue) {
        this(benchmark, expenditure, assignedBeneficiaries, memberMonths, qualityScore, qualityStandardMet, alternativeStandardMet,
                participantRevenue, disasterShare, lowRevenue, null);
    }

    public boolean guardrailApplies() {
        return Boolean.TRUE.equals(benchmarkGuardrail);
    }
}
