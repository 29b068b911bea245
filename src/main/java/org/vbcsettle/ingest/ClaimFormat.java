package org.vbcsettle.ingest;

import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Claims: one record per claim as paid. Amounts are whole cents; {@code hcpcs} and {@code diagnoses} are
 * lists ({@code ;}-separated in CSV). A replacement (frequency 7) or void (8) names the claim it replaces.
 * Only the format is checked here; the rules a claim must meet (amounts, dates, replacements) are
 * {@link RecordRules}, which the reader applies to the built claim.
 */
public final class ClaimFormat implements RecordType<Claim> {
    public static final ClaimFormat INSTANCE = new ClaimFormat();

    private static final List<String> FIELDS = List.of("id", "memberId", "type", "serviceFrom", "serviceThrough",
            "paidDate", "paidAmount", "allowedAmount", "drg", "hcpcs", "diagnoses", "billingProvider", "frequency",
            "replacesClaimId");
    private static final List<String> REQUIRED = List.of("id", "memberId", "type", "serviceFrom", "paidAmount");
    private static final Pattern DRG = Pattern.compile("\\d{3}");

    private ClaimFormat() {
    }

    @Override
    public String kind() {
        return "claim";
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public List<String> requiredFields() {
        return REQUIRED;
    }

    @Override
    public String id(Claim record) {
        return record.id();
    }

    @Override
    public Claim build(Fields f) {
        String id = FieldParsers.required(f, "id");
        String memberId = FieldParsers.required(f, "memberId");
        Claim.ClaimType type = type(FieldParsers.required(f, "type"));
        LocalDate from = FieldParsers.date(f, "serviceFrom", true);
        LocalDate through = FieldParsers.date(f, "serviceThrough", false);
        if (through == null) {
            through = from;
        }
        LocalDate paid = FieldParsers.date(f, "paidDate", false);
        Money paidAmount = FieldParsers.cents(f, "paidAmount", true);
        Money allowed = FieldParsers.cents(f, "allowedAmount", false);
        String drg = f.text("drg");
        if (drg != null && !DRG.matcher(drg).matches()) {
            throw new FieldProblem("drg", "not an MS-DRG (three digits): " + drg);
        }
        Claim.Frequency frequency = frequency(f);
        String replaces = f.text("replacesClaimId");
        return new Claim(id, memberId, type, from, through, paid, paidAmount, allowed, drg, f.list("hcpcs"),
                f.list("diagnoses"), f.text("billingProvider"), frequency, replaces);
    }

    private static Claim.ClaimType type(String v) {
        try {
            return Claim.ClaimType.parse(v);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("type", "must be one of " + Arrays.stream(Claim.ClaimType.values())
                    .map(Claim.ClaimType::code).collect(Collectors.joining(", ")) + ", was " + v);
        }
    }

    private static Claim.Frequency frequency(Fields f) {
        Integer code = FieldParsers.integer(f, "frequency");
        if (code == null) {
            return Claim.Frequency.ORIGINAL;
        }
        try {
            return Claim.Frequency.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("frequency", "must be 1 (original), 7 (replacement) or 8 (void), was " + code);
        }
    }
}
