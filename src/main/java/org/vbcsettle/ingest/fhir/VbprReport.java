package org.vbcsettle.ingest.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.vbcsettle.contract.Payee;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A contract period's figures as a Da Vinci VBPR value-based performance {@code MeasureReport}
 * (profile {@code vbp-performance-measurereport}): status, type {@code summary}, measure, the subject's
 * organization (extension {@code organization-subject}), date, reporter, period, and one group per metric
 * ({@code vbp-performance-metric} codes) carrying its payment stream ({@code payment-stream}) and
 * paid-through date ({@code paid-through-date}). Money metrics are a measureScore Quantity in USD
 * (ISO 4217), written from cents with two decimals; member-months a count. A figure the ledger cannot state
 * (no member-months, no shared-savings arrangement) is left out rather than written as zero.
 */
public final class VbprReport {
    public static final String PROFILE = "http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/vbp-performance-measurereport";
    public static final String VBPR = "http://hl7.org/fhir/us/davinci-vbpr";
    public static final String METRIC = VBPR + "/CodeSystem/vbp-performance-metric";
    public static final String STREAM = VBPR + "/CodeSystem/payment-stream";

    /**
     * The figures of one period, typed as the ledger holds them.
     *
     * @param paymentStream      payment-stream code of the contract's main arrangement (ssp, ssl, qip, eoc)
     * @param costPmpmCents      paid claims per member-month (half-even to the cent, the running totals' rounding)
     * @param ibnrPmpmCents      incurred but not reported per member-month: completed expenditure − paid claims
     * @param sharedSavingsCents earned shared savings, negative a deficit (shared losses)
     * @param earnedIncentiveCents earned quality incentive
     */
    public record Figures(String contractId, String payer, String provider, Payee payee, String periodId, LocalDate start, LocalDate end,
                          LocalDate reportDate, LocalDate paidThrough, String paymentStream, long memberMonths, Long costPmpmCents,
                          Long ibnrPmpmCents, Long sharedSavingsCents, Long earnedIncentiveCents) {
    }

    private VbprReport() {
    }

    public static MeasureReport of(Figures f) {
        MeasureReport r = new MeasureReport();
        r.setId("vbpr-" + f.contractId() + "-" + f.periodId());
        r.getMeta().addProfile(PROFILE);
        r.addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/measurereport-category",
                new CodeableConcept(new Coding(VBPR + "/CodeSystem/measurereport-category", "vbp", "Value-Based Performance"))));
        r.addExtension(new Extension(VBPR + "/StructureDefinition/paid-through-date", date(f.paidThrough())));
        r.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
        r.setType(MeasureReport.MeasureReportType.SUMMARY);
        r.setMeasure("https://vbc-settle.org/fhir/Measure/" + f.contractId());
        Reference org = new Reference().setDisplay(f.provider());
        if (f.payee() != null) {
            org.setIdentifier(new Identifier().setSystem(References.NPI).setValue(f.payee().npi()));
        }
        Reference subject = new Reference();
        subject.addExtension(new Extension(VBPR + "/StructureDefinition/organization-subject", org));
        r.setSubject(subject);
        r.setDateElement(dateTime(f.reportDate()));
        r.setReporter(new Reference().setDisplay(f.payer()));
        r.setPeriod(new Period().setStartElement(dateTime(f.start())).setEndElement(dateTime(f.end())));
        group(r, f, "member-months", "Member months", count(f.memberMonths()));
        if (f.costPmpmCents() != null) {
            group(r, f, "med-rx-cost-pmpm", "Medical pharmacy cost PMPM", usd(f.costPmpmCents()));
        }
        if (f.ibnrPmpmCents() != null) {
            group(r, f, "ibnr-pmpm", "IBNR PMPM", usd(f.ibnrPmpmCents()));
        }
        if (f.sharedSavingsCents() != null) {
            group(r, f, "shared-saving-deficit", "Shared savings (negative: deficit)", usd(f.sharedSavingsCents()));
        }
        if (f.earnedIncentiveCents() != null) {
            group(r, f, "earned-incentive", "Earned incentive", usd(f.earnedIncentiveCents()));
        }
        return r;
    }

    /**
     * Compact JSON. Not pretty-printed: HAPI's pretty printer needs Jackson 2.16+ ({@code Separators.Spacing}),
     * and this project stays on the Jackson that Akka 2.8 is built for (2.15).
     */
    public static String json(Figures f) {
        return Fhir.context().newJsonParser().encodeResourceToString(of(f));
    }

    private static void group(MeasureReport r, Figures f, String code, String text, Quantity score) {
        var g = r.addGroup();
        g.setId(code);
        g.setCode(new CodeableConcept(new Coding(METRIC, code, text)).setText(text));
        g.addExtension(new Extension(VBPR + "/StructureDefinition/payment-stream", new CodeableConcept(new Coding(STREAM, f.paymentStream(), null))));
        g.addExtension(new Extension(VBPR + "/StructureDefinition/paid-through-date", date(f.paidThrough())));
        g.setMeasureScore(score);
    }

    /** Cents as dollars with two decimals, exactly (no rounding: cents are the unit). */
    private static Quantity usd(long cents) {
        return new Quantity().setValue(BigDecimal.valueOf(cents, 2)).setUnit("USD").setSystem("urn:iso:std:iso:4217").setCode("USD");
    }

    private static Quantity count(long n) {
        return new Quantity().setValue(BigDecimal.valueOf(n)).setUnit("member-months");
    }

    private static DateType date(LocalDate d) {
        return new DateType(d.toString());
    }

    private static org.hl7.fhir.r4.model.DateTimeType dateTime(LocalDate d) {
        return new org.hl7.fhir.r4.model.DateTimeType(d.toString());
    }
}
