package org.vbcsettle.contract;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.vbcsettle.contract.TermsChecker.plain;

/**
 * The semantic checks on contract terms that Jackson cannot make: required fields, ranges, dates, ids and
 * cross-references. The calculators assume a contract that passed. Every problem names the source, the field
 * path and what is wrong, e.g. {@code contracts/acme.yaml: arrangements[0].sharingRate: must be between 0 and
 * 1, was 1.5}. Used by {@link ContractLoader}, the {@code validate} command and the HTTP API. Each arrangement
 * kind's checks live next to it ({@link SharedSavingsTermsCheck}, {@link BundledPaymentTermsCheck},
 * {@link QualityIncentiveTermsCheck}); the field checks they share are {@link TermsChecker}'s.
 */
public final class ContractValidator {
    private static final int MAX_RUN_OUT_MONTHS = 24;

    private ContractValidator() {
    }

    /** Every problem, as printable lines; empty when the contract is valid. */
    public static List<String> validate(Contract contract, String source) {
        return problems(contract, source).stream().map(ContractProblem::toString).collect(Collectors.toList());
    }

    public static List<ContractProblem> problems(Contract contract, String source) {
        TermsChecker c = new TermsChecker(source);
        if (contract == null) {
            c.at("", "the document holds no contract");
            return c.problems();
        }
        checkContract(c, contract);
        return c.problems();
    }

    private static void checkContract(TermsChecker c, Contract k) {
        c.id("id", k.id());
        if (k.version() != null && k.version() < 1) {
            c.at("version", "must be 1 or more, was " + k.version());
        }
        c.storable("name", k.name(), TermsChecker.MAX_NAME, true);
        c.text("payer", k.payer());
        c.text("provider", k.provider());
        c.required("performanceStart", k.performanceStart());
        c.required("performanceEnd", k.performanceEnd());
        if (k.performanceStart() != null && k.performanceEnd() != null && !k.performanceEnd().isAfter(k.performanceStart())) {
            c.at("performanceEnd", "must be after performanceStart (" + k.performanceStart() + "), was " + k.performanceEnd());
        }
        if (k.arrangements() == null || k.arrangements().isEmpty()) {
            c.at("arrangements", "needs at least one arrangement");
        } else {
            checkArrangements(c, k.arrangements());
        }
        if (k.settlement() != null) {
            checkSettlement(c, "settlement", k.settlement());
        }
        if (k.payee() != null) {
            c.text("payee.name", k.payee().name());
            String tin = Payee.tinProblem(k.payee().tin());
            if (tin != null) {
                c.at("payee.tin", tin);
            }
            String npi = Payee.npiProblem(k.payee().npi());
            if (npi != null) {
                c.at("payee.npi", npi);
            }
        }
    }

    private static void checkArrangements(TermsChecker c, List<Arrangement> arrangements) {
        Set<String> qualityIds = new HashSet<>();
        for (Arrangement a : arrangements) {
            if (a instanceof QualityIncentive && a.id() != null) {
                qualityIds.add(a.id());
            }
        }
        c.uniqueEntries("arrangements", arrangements, "id", "id", Arrangement::id, (p, a) -> {
            if (a instanceof SharedSavings ss) {
                SharedSavingsTermsCheck.check(c, p, ss, qualityIds);
            } else if (a instanceof BundledPayment bp) {
                BundledPaymentTermsCheck.check(c, p, bp, qualityIds);
            } else if (a instanceof QualityIncentive qi) {
                QualityIncentiveTermsCheck.check(c, p, qi);
            }
        });
    }

    private static void checkSettlement(TermsChecker c, String p, SettlementTerms s) {
        if (s.runOutMonths() != null && (s.runOutMonths() < 0 || s.runOutMonths() > MAX_RUN_OUT_MONTHS)) {
            c.at(p + ".runOutMonths", "must be between 0 and " + MAX_RUN_OUT_MONTHS + ", was " + s.runOutMonths());
        }
        c.optionalRate(p + ".withholdRate", s.withholdRate());
        if (s.advances() != null) {
            checkAdvances(c, p + ".advances", s.advances());
        }
        List<SettlementTerms.CompletionFactor> cfs = s.completionFactorsOrEmpty();
        int prevMonths = -1;
        for (int i = 0; i < cfs.size(); i++) {
            String f = p + ".completionFactors[" + i + "]";
            SettlementTerms.CompletionFactor cf = cfs.get(i);
            if (cf == null) {
                c.at(f, "is empty");
                continue;
            }
            if (cf.monthsOfRunOut() < 0) {
                c.at(f + ".monthsOfRunOut", "must not be negative, was " + cf.monthsOfRunOut());
            } else if (cf.monthsOfRunOut() <= prevMonths) {
                c.at(f + ".monthsOfRunOut", "must be in ascending order: must be above " + prevMonths + ", was " + cf.monthsOfRunOut());
            }
            prevMonths = Math.max(prevMonths, cf.monthsOfRunOut());
            if (c.required(f + ".factor", cf.factor()) && (cf.factor().signum() <= 0 || cf.factor().compareTo(BigDecimal.ONE) > 0)) {
                c.at(f + ".factor", "must be above 0 and at most 1, was " + plain(cf.factor()));
            }
        }
    }

    /** Months of experience: at most a year (a performance period is one year). */
    static final int MAX_EXPERIENCE_MONTHS = 12;

    private static void checkAdvances(TermsChecker c, String p, SettlementTerms.AdvancePolicy a) {
        Integer exp = a.minimumExperienceMonths();
        if (exp != null && (exp < 1 || exp > MAX_EXPERIENCE_MONTHS)) {
            c.at(p + ".minimumExperienceMonths", "must be between 1 and " + MAX_EXPERIENCE_MONTHS
                    + " (no advance may be paid on a period without claims), was " + exp);
        }
        Integer runOut = a.minimumRunOutMonths();
        if (runOut != null && (runOut < 0 || runOut > MAX_RUN_OUT_MONTHS)) {
            c.at(p + ".minimumRunOutMonths", "must be between 0 and " + MAX_RUN_OUT_MONTHS + ", was " + runOut);
        }
        c.optionalRate(p + ".releasedShare", a.releasedShare());
        if (a.withholdAmount() != null && a.withholdAmount().isNegative()) {
            c.at(p + ".withholdAmount", "must not be negative, was " + a.withholdAmount());
        }
    }
}
