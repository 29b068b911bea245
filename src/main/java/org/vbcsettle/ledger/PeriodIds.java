package org.vbcsettle.ledger;

import org.vbcsettle.contract.Period;

import java.util.regex.Pattern;

/** The period ids the ledger's commands name: the performance period ({@code 2024}) or one of its quarters. */
final class PeriodIds {

    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    private PeriodIds() {
    }

    static boolean isQuarter(String periodId) {
        return periodId != null && QUARTER.matcher(periodId).matches();
    }

    static boolean blank(String periodId) {
        return periodId == null || periodId.isBlank();
    }

    /**
     * Why the ledger cannot read {@code periodId} as a period (null: it can, or it is blank and means the
     * performance period). Checked before anything parses it, so that a bad id is a refusal, never a throw.
     */
    static String problem(String periodId) {
        if (blank(periodId)) {
            return null;
        }
        Period.Read r = Period.read(periodId);
        return r.ok() ? null : "period: " + r.problem();
    }

    /** Whether the quarter {@code q} has no day inside {@code perf}. */
    static boolean outside(Period q, Period perf) {
        return q.end().isBefore(perf.start()) || q.start().isAfter(perf.end());
    }
}
