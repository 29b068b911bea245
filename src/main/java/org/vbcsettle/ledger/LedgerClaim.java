package org.vbcsettle.ledger;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;

import java.time.LocalDate;
import java.util.List;

/**
 * A claim as the ledger stores it in events and state: the fields of {@link Claim} in a compact form
 * (dates as epoch days, amounts as cents, the type and frequency as small numbers) written as a CBOR
 * array without field names. A claims-batch event of 1,000 claims stays around 60 kB instead of several
 * times that, which is what limits ingest throughput into the journal.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"id", "memberId", "type", "serviceFrom", "serviceThrough", "paidDate", "paidCents",
        "allowedCents", "drg", "hcpcs", "diagnoses", "billingProvider", "frequency", "replacesClaimId"})
public record LedgerClaim(
        String id,
        String memberId,
        int type,
        int serviceFrom,
        int serviceThrough,
        Integer paidDate,
        long paidCents,
        long allowedCents,
        String drg,
        List<String> hcpcs,
        List<String> diagnoses,
        String billingProvider,
        int frequency,
        String replacesClaimId) implements CborSerializable {

    private static final Claim.ClaimType[] TYPES = Claim.ClaimType.values();

    public LedgerClaim {
        hcpcs = hcpcs == null || hcpcs.isEmpty() ? null : List.copyOf(hcpcs);
        diagnoses = diagnoses == null || diagnoses.isEmpty() ? null : List.copyOf(diagnoses);
    }

    /** Expects a claim that passed the record rules ({@link ClaimValidation}): id, member, type, dates and amount present. */
    public static LedgerClaim of(Claim c) {
        return new LedgerClaim(c.id(), c.memberId(), c.type().ordinal(), (int) c.serviceFrom().toEpochDay(),
                (int) (c.serviceThrough() == null ? c.serviceFrom() : c.serviceThrough()).toEpochDay(),
                c.paidDate() == null ? null : (int) c.paidDate().toEpochDay(),
                c.paidAmount().cents(), c.allowedAmount().cents(), c.drg(), c.hcpcs(), c.diagnoses(),
                c.billingProvider(), c.frequency().code(), c.replacesClaimId());
    }

    public Claim toClaim() {
        return new Claim(id, memberId, claimType(), serviceFromDate(), LocalDate.ofEpochDay(serviceThrough),
                paidDate == null ? null : LocalDate.ofEpochDay(paidDate), Money.ofCents(paidCents),
                Money.ofCents(allowedCents), drg, hcpcs, diagnoses, billingProvider, frequencyCode(), replacesClaimId);
    }

    /** The claim as the settlement calculators see it once its chain is resolved: an original. */
    public Claim toEffectiveClaim() {
        return new Claim(id, memberId, claimType(), serviceFromDate(), LocalDate.ofEpochDay(serviceThrough),
                paidDate == null ? null : LocalDate.ofEpochDay(paidDate), Money.ofCents(paidCents),
                Money.ofCents(allowedCents), drg, hcpcs, diagnoses, billingProvider, Claim.Frequency.ORIGINAL, null);
    }

    public Claim.ClaimType claimType() {
        return TYPES[type];
    }

    public Claim.Frequency frequencyCode() {
        return Claim.Frequency.ofCode(frequency);
    }

    public LocalDate serviceFromDate() {
        return LocalDate.ofEpochDay(serviceFrom);
    }

    public boolean isVoid() {
        return frequency == Claim.Frequency.VOID.code();
    }

    public boolean isOriginal() {
        return frequency == Claim.Frequency.ORIGINAL.code();
    }
}
