package org.vbcsettle.ingest.x12;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes X12 005010X221A1 (835) payment advices for value-based payouts: one interchange (ISA/IEA), one
 * functional group (GS/GE, HP), one transaction (ST/SE) per advice with BPR (total, method, date), TRN
 * (trace number), DTM*405 (production date), the payer (N1*PR, REF*2U) and payee (N1*PE by NPI, REF*TJ the
 * TIN) loops, and one PLB per payout. No claim loops: nothing here pays a claim. Amounts are written from
 * cents with {@link X12#amount} (two decimals, exact). Segments end with {@code ~} and a line break,
 * elements {@code *}, components {@code :}, repetitions {@code ^}.
 */
public final class Edi835Writer {
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private Edi835Writer() {
    }

    /**
     * @param sender        ISA06/GS02: the payer's interchange id
     * @param receiver      ISA08/GS03: the receiver's interchange id
     * @param controlNumber ISA13/GS06, 1 to 999999999
     */
    public static String write(List<Remittance> advices, String sender, String receiver, long controlNumber, LocalDateTime at) {
        if (controlNumber < 1 || controlNumber > 999_999_999L) {
            throw new IllegalArgumentException("control number must be 1 to 999999999, was " + controlNumber);
        }
        for (Remittance r : advices) {
            if (!r.balanced() || r.totalCents() < 0) {
                throw new IllegalArgumentException("advice " + r.traceNumber() + " does not balance: BPR " + r.totalCents()
                        + " cents, PLB sum " + r.adjustmentSum());
            }
        }
        String control = String.format("%09d", controlNumber);
        StringBuilder out = new StringBuilder();
        segment(out, "ISA", "00", pad("", 10), "00", pad("", 10), "ZZ", pad(X12.text(sender), 15), "ZZ", pad(X12.text(receiver), 15),
                at.format(YYMMDD), at.format(HHMM), "^", "00501", control, "0", "P", ":");
        segment(out, "GS", "HP", X12.text(sender), X12.text(receiver), at.format(CCYYMMDD), at.format(HHMM), String.valueOf(controlNumber),
                "X", "005010X221A1");
        int st = 0;
        for (Remittance r : advices) {
            st++;
            List<String[]> segs = new ArrayList<>();
            String stControl = String.format("%04d", st);
            segs.add(new String[] {"ST", "835", stControl, "005010X221A1"});
            boolean pays = r.totalCents() > 0;
            segs.add(new String[] {"BPR", pays ? "I" : "H", X12.amount(r.totalCents()), pays ? "C" : "D", pays ? r.method() : "NON",
                    "", "", "", "", "", "", "", "", "", "", "", r.paymentDate().format(CCYYMMDD)});
            segs.add(new String[] {"TRN", "1", X12.text(r.traceNumber()), "1" + digits(r.payerId(), 9)});
            segs.add(new String[] {"DTM", "405", at.format(CCYYMMDD)});
            segs.add(new String[] {"N1", "PR", X12.text(r.payerName())});
            segs.add(new String[] {"REF", "2U", X12.text(r.payerId())});
            segs.add(new String[] {"N1", "PE", X12.text(r.payeeName()), "XX", r.payeeNpi()});
            segs.add(new String[] {"REF", "TJ", r.payeeTin()});
            for (Remittance.Adjustment a : r.adjustments()) {
                segs.add(new String[] {"PLB", r.payeeNpi(), a.fiscalPeriodEnd().format(CCYYMMDD),
                        a.reason() + ":" + X12.text(a.reference()), X12.amount(a.amountCents())});
            }
            for (String[] s : segs) {
                segment(out, s);
            }
            segment(out, "SE", String.valueOf(segs.size() + 1), stControl);
        }
        segment(out, "GE", String.valueOf(st), String.valueOf(controlNumber));
        segment(out, "IEA", "1", control);
        return out.toString();
    }

    private static void segment(StringBuilder out, String... elements) {
        int last = elements.length;
        while (last > 1 && elements[last - 1].isEmpty()) {
            last--; // trailing empty elements are left out, as X12 requires
        }
        for (int i = 0; i < last; i++) {
            if (i > 0) {
                out.append('*');
            }
            out.append(elements[i]);
        }
        out.append("~\n");
    }

    private static String pad(String s, int width) {
        String t = s.length() > width ? s.substring(0, width) : s;
        return t + " ".repeat(width - t.length());
    }

    /** TRN03: '1' and a 9-digit originating company id (the payer's id's digits, zero-padded). */
    private static String digits(String s, int width) {
        String d = s == null ? "" : s.replaceAll("\\D", "");
        d = d.length() > width ? d.substring(d.length() - width) : d;
        return "0".repeat(width - d.length()) + d;
    }
}
