package org.vbcsettle.ingest;

import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.vbcsettle.ingest.FieldSpec.optional;
import static org.vbcsettle.ingest.FieldSpec.required;
import static org.vbcsettle.ingest.RecordRules.add;
import static org.vbcsettle.ingest.RecordType.cents;
import static org.vbcsettle.ingest.RecordType.text;

/**
 * The record rules of a claim: one record per claim as paid. {@code paidDate} is required (interim
 * settlements count claims by the date they were paid). Amounts are whole cents or {@code "$1,234.56"};
 * {@code allowedAmount} defaults to {@code paidAmount}, {@code serviceThrough} to {@code serviceFrom}.
 * {@code hcpcs} and {@code diagnoses} are lists ({@code ;}-separated in CSV). A replacement (frequency 7) or
 * void (8) names the claim it replaces.
 */
public final class ClaimFormat {
    public static final RecordType<Claim> INSTANCE = new RecordType<>("claim", Claim::id, ClaimFormat::read, ClaimFormat::check,
            List.of(required("id", Claim::id), required("memberId", Claim::memberId), required("type", c -> c.type() == null ? null : c.type().code()),
                    required("serviceFrom", c -> text(c.serviceFrom())), optional("serviceThrough", c -> text(c.serviceThrough())),
                    required("paidDate", c -> text(c.paidDate())), required("paidAmount", c -> cents(c.paidAmount())),
                    optional("allowedAmount", c -> cents(c.allowedAmount())), optional("drg", Claim::drg),
                    optional("hcpcs", Claim::hcpcs), optional("diagnoses", Claim::diagnoses), optional("billingProvider", Claim::billingProvider),
                    optional("frequency", c -> c.frequency().code()), optional("replacesClaimId", Claim::replacesClaimId)));

    private static final Pattern DRG = Pattern.compile("\\d{3}");
    private static final String TYPES = "one of " + Arrays.stream(Claim.ClaimType.values()).map(Claim.ClaimType::code)
            .collect(Collectors.joining(", "));

    private ClaimFormat() {
    }

    private static Claim read(FieldReader f) {
        String id = f.text("id");
        String memberId = f.text("memberId");
        Claim.ClaimType type = f.oneOf("type", Claim.ClaimType::parse, TYPES);
        LocalDate from = f.date("serviceFrom");
        LocalDate through = f.date("serviceThrough");
        LocalDate paid = f.date("paidDate");
        Money paidAmount = f.amount("paidAmount");
        Money allowed = f.amount("allowedAmount");
        String drg = f.text("drg");
        List<String> hcpcs = f.codes("hcpcs");
        List<String> diagnoses = f.codes("diagnoses");
        String billing = f.text("billingProvider");
        Claim.Frequency frequency = f.oneOf("frequency", v -> Claim.Frequency.ofCode(Integer.parseInt(v)),
                "1 (original), 7 (replacement) or 8 (void)");
        return new Claim(id, memberId, type, from, through == null ? from : through, paid, paidAmount, allowed, drg,
                hcpcs, diagnoses, billing, frequency, f.text("replacesClaimId"));
    }

    private static void check(Claim c, RecordRules rules, List<Violation> out) {
        add(out, "replacesClaimId", RecordRules.replacesClaimId(c.id(), c.frequency(), c.replacesClaimId()));
        add(out, "paidAmount", RecordRules.amount(c.paidAmount()));
        add(out, "allowedAmount", RecordRules.allowedAmount(c.allowedAmount(), c.paidAmount()));
        add(out, "serviceFrom", rules.serviceFrom(c.serviceFrom()));
        add(out, "serviceThrough", RecordRules.serviceThrough(c.serviceThrough(), c.serviceFrom()));
        add(out, "paidDate", RecordRules.paidDate(c.paidDate(), c.serviceFrom()));
        if (c.drg() != null && !DRG.matcher(c.drg()).matches()) {
            add(out, "drg", "not an MS-DRG (three digits): " + c.drg());
        }
    }
}
