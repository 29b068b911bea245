package org.vbcsettle.ingest.x12;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provider's check of what it was paid: every PLB adjustment of the 835s it received against the payouts
 * the ledger says it is owed. Each payout and each adjustment ends in exactly one finding:
 * <ul>
 * <li>{@code matched}: remitted exactly the payout's amount;</li>
 * <li>{@code short-paid}: less reached the provider than the payout says (by {@code differenceCents});</li>
 * <li>{@code over-paid}: more reached it;</li>
 * <li>{@code missing}: a payout approved or disbursed that no advice carries;</li>
 * <li>{@code unexpected}: an adjustment that names no payout of the contract.</li>
 * </ul>
 * Amounts are compared as money to the provider (a recoupment of $40 is −4000), so "short" always means the
 * provider is worse off than the contract says. A forwarding balance ({@code FB}) carries money between
 * advices, not a payout, and is not matched.
 */
public final class RemittanceCheck {

    /** A payout the ledger holds: {@code status} as the API shows it (approved, disbursed, acknowledged, ...). */
    public record Expected(String key, String contractId, String periodId, long amountCents, String status) {
    }

    public enum Outcome {
        MATCHED, SHORT_PAID, OVER_PAID, MISSING, UNEXPECTED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param differenceCents remitted − expected (negative: short-paid by that much)
     * @param traceNumber     the advice's TRN02 (null for a missing payout)
     */
    public record Finding(Outcome outcome, String key, String contractId, String periodId, Long expectedCents, Long remittedCents,
                          long differenceCents, String reference, String traceNumber) {
    }

    /** Statuses in which the payer has said it will pay: a payout in them that no advice carries is missing. */
    static final Set<String> DUE = Set.of("approved", "disbursed");

    private RemittanceCheck() {
    }

    public static List<Finding> check(List<Remittance> advices, List<Expected> payouts, String contractId) {
        Map<String, Expected> byReference = new HashMap<>();
        for (Expected p : payouts) {
            byReference.put(X12.reference(p.key()), p);
        }
        Map<String, Long> remitted = new HashMap<>();
        Map<String, String> traces = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Remittance r : advices) {
            for (Remittance.Adjustment a : r.adjustments()) {
                if ("FB".equals(a.reason())) {
                    continue;
                }
                Expected p = byReference.get(a.reference());
                if (p == null) {
                    out.add(new Finding(Outcome.UNEXPECTED, null, contractId, null, null, a.toProviderCents(), a.toProviderCents(),
                            a.reference(), r.traceNumber()));
                } else {
                    remitted.merge(p.key(), a.toProviderCents(), Math::addExact);
                    traces.putIfAbsent(p.key(), r.traceNumber());
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (Expected p : payouts) {
            if (!seen.add(p.key())) {
                continue;
            }
            Long got = remitted.get(p.key());
            if (got == null) {
                if (DUE.contains(p.status())) {
                    out.add(new Finding(Outcome.MISSING, p.key(), p.contractId(), p.periodId(), p.amountCents(), null, -p.amountCents(),
                            X12.reference(p.key()), null));
                }
                continue;
            }
            long diff = got - p.amountCents();
            Outcome o = diff == 0 ? Outcome.MATCHED : diff < 0 ? Outcome.SHORT_PAID : Outcome.OVER_PAID;
            out.add(new Finding(o, p.key(), p.contractId(), p.periodId(), p.amountCents(), got, diff, X12.reference(p.key()), traces.get(p.key())));
        }
        return out;
    }
}
