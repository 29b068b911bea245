package org.vbcsettle.ingest.x12;

import java.time.LocalDate;
import java.util.List;

/**
 * One X12 835 payment advice (one ST/SE transaction): a payer pays one payee a total (BPR) with a trace
 * number (TRN), and lists the provider-level adjustments (PLB) it is made of. Value-based payments carry
 * no claims: every payout or recoupment is one PLB adjustment.
 *
 * <p>Sign, as the 835 has it: a PLB amount <em>reduces</em> the payment, so a payout of $100 to the provider
 * is a PLB amount of −100.00 and a recoupment of $40 one of +40.00; the advice balances when
 * {@code BPR02 = −Σ PLB}.
 *
 * @param totalCents    BPR02, the amount paid, whole cents (never negative)
 * @param method        BPR04: ACH, CHK, FWT (wire) or NON (no payment: the adjustments net to zero or less)
 * @param traceNumber   TRN02: the check or EFT trace number
 */
public record Remittance(String payerName, String payerId, String payeeName, String payeeNpi, String payeeTin,
                         long totalCents, String method, LocalDate paymentDate, String traceNumber,
                         List<Adjustment> adjustments) {

    public Remittance {
        adjustments = List.copyOf(adjustments);
    }

    /**
     * One PLB adjustment.
     *
     * @param reason      PLB03-1: {@code CS} adjustment (a value-based payment), {@code WO} overpayment recovery
     *                    (a recoupment), {@code FB} forwarding balance (a net recoupment carried to a later payment)
     * @param reference   PLB03-2: the payout it carries (its key, or {@link X12#reference} of it)
     * @param amountCents PLB04 in cents, with the 835's sign (negative: paid to the provider)
     * @param fiscalPeriodEnd PLB02: the last day of the period the payout is for
     */
    public record Adjustment(String reason, String reference, long amountCents, LocalDate fiscalPeriodEnd) {
        /** The money this adjustment moves to the provider (the payout's own sign). */
        public long toProviderCents() {
            return -amountCents;
        }
    }

    /** One value-based payout for an advice: its key, amount (positive to the provider) and period's last day. */
    public record Payment(String payoutKey, long amountCents, LocalDate periodEnd) {
    }

    /**
     * The advice that pays {@code payments}: each a PLB ({@code CS} for a payment, {@code WO} for a
     * recoupment, referenced by {@link X12#reference} of its key) and BPR02 their net. When they net to a
     * recoupment, nothing is paid (BPR02 0, method NON) and a {@code FB} forwarding balance of the net
     * carries it to a later payment, so the advice still balances.
     */
    public static Remittance of(String payerName, String payerId, String payeeName, String payeeNpi, String payeeTin,
                                String method, LocalDate paymentDate, String traceNumber, List<Payment> payments) {
        java.util.List<Adjustment> adj = new java.util.ArrayList<>();
        long net = 0;
        LocalDate last = paymentDate;
        for (Payment p : payments) {
            net = Math.addExact(net, p.amountCents());
            adj.add(new Adjustment(p.amountCents() >= 0 ? "CS" : "WO", X12.reference(p.payoutKey()), -p.amountCents(), p.periodEnd()));
            last = p.periodEnd().isAfter(last) ? p.periodEnd() : last;
        }
        if (net < 0) {
            adj.add(new Adjustment("FB", traceNumber, net, last));
        }
        return new Remittance(payerName, payerId, payeeName, payeeNpi, payeeTin, Math.max(net, 0), net > 0 ? method : "NON",
                paymentDate, traceNumber, adj);
    }

    public long adjustmentSum() {
        return adjustments.stream().mapToLong(Adjustment::amountCents).sum();
    }

    /** BPR02 = −Σ PLB. */
    public boolean balanced() {
        return totalCents == -adjustmentSum();
    }
}
