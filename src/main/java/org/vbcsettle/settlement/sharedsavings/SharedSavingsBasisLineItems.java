package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.money.Rates;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.Completion;
import org.vbcsettle.settlement.LineItem;

import java.util.List;

/** The derivation steps of a shared-savings statement: benchmark, expenditure, assigned beneficiaries, quality score. */
final class SharedSavingsBasisLineItems {

    private SharedSavingsBasisLineItems() {
    }

    static void add(SharedSavingsResult r, List<LineItem> lines) {
        SharedSavingsBasis basis = r.basis();
        lines.add(benchmark(basis.benchmark()));
        lines.add(expenditure(basis.expenditure()));
        lines.add(LineItem.builder("Assigned beneficiaries")
                .input("source", basis.assignedReported() ? "reported" : "distinct attributed members")
                .input("member-months", r.memberMonths())
                .formula(basis.assignedReported() ? "as reported by the payer" : "count of distinct members attributed in the period")
                .result(String.valueOf(r.assignedBeneficiaries())));
        if (basis.qualitySource() != null) {
            lines.add(LineItem.builder("Quality score")
                    .input("source", r.qualityScore() == null ? "none" : basis.qualitySource())
                    .formula("reported score, else the composite score of the quality arrangement named by the terms")
                    .result(r.qualityScore() == null ? "none" : r.qualityScore().toPlainString()));
        }
    }

    private static LineItem benchmark(SharedSavingsBasis.BenchmarkBasis b) {
        LineItem.Builder item = LineItem.builder("Benchmark");
        switch (b.source()) {
            case REPORTED:
                return item.input("source", "reported by the payer").formula("total benchmark published for the period").money(b.amount());
            case CONTRACT_TOTAL:
                return item.input("source", "total set by the contract").formula("total benchmark of the terms").money(b.amount());
            case PRORATED_TOTAL:
                return item.input("source", "total set by the contract, pro-rated to the settlement period")
                        .input("annual benchmark", b.annual())
                        .input("months in settlement period", b.periodMonths())
                        .input("months in performance period", b.yearMonths())
                        .formula("annual benchmark × months in settlement period ÷ months in performance period, to the cent ("
                                + Rounding.NEAREST_CENT.description() + ")")
                        .money(b.amount());
            default:
                return item.input("baseline PMPM", b.baselinePmpm())
                        .input("trend", Rates.percent(b.trend()))
                        .input("trend years", b.trendYears())
                        .input("risk factor", b.riskFactor().toPlainString())
                        .input("average risk score", b.averageRiskScore().toPlainString())
                        .input("member-months", b.memberMonths())
                        .formula("baseline PMPM × (1 + trend)^trend years × risk factor × member-months, to the cent ("
                                + SharedSavingsCalculator.BENCHMARK_ROUNDING.description() + ")")
                        .money(b.amount());
        }
    }

    private static LineItem expenditure(SharedSavingsBasis.ExpenditureBasis e) {
        LineItem.Builder b = LineItem.builder("Expenditure")
                .input("claims counted", e.claimsCounted())
                .input("members with spend", e.membersWithSpend());
        String truncated = e.truncation() != null ? ", truncated per member per year" : "";
        if (e.truncation() != null) {
            b.input("truncation per member per year", e.truncation()).input("truncated away", e.truncatedAway());
        }
        if (Completion.applies(e.completionFactor())) {
            b.input("paid", e.paid()).input("completion factor", e.completionFactor().toPlainString())
                    .formula("paid amounts of claims of attributed member-months in the period" + truncated
                            + ", ÷ completion factor (" + SharedSavingsCalculator.COMPLETION_ROUNDING.description() + ")");
        } else {
            b.formula("paid amounts of claims of attributed member-months in the period" + truncated);
        }
        return b.money(e.expenditure());
    }
}
