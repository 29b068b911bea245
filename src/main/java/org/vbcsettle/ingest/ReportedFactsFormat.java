package org.vbcsettle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.settlement.ReportedFacts;

import java.util.List;

import static org.vbcsettle.ingest.FieldSpec.optional;
import static org.vbcsettle.ingest.RecordRules.add;
import static org.vbcsettle.ingest.RecordType.cents;

/**
 * The record rules of reported facts (a YAML or JSON document for {@code settle --reported}, the body of
 * {@code PUT .../reported-facts/{period}}, the {@code reported} part of a settlement request). Every field
 * is optional. Scores and shares are fractions from 0 to 1; revenue and counts are 0 or more; a benchmark
 * override is above $0 (the savings rate divides by it). Amounts take the same form as in claims.
 */
public final class ReportedFactsFormat {
    public static final RecordType<ReportedFacts> INSTANCE = new RecordType<>("reported facts", f -> null,
            ReportedFactsFormat::read, ReportedFactsFormat::check,
            List.of(optional("assignedBeneficiaries", ReportedFacts::assignedBeneficiaries), optional("qualityScore", ReportedFacts::qualityScore),
                    optional("qualityStandardMet", ReportedFacts::qualityStandardMet),
                    optional("alternativeStandardMet", ReportedFacts::alternativeStandardMet),
                    optional("participantRevenue", f -> cents(f.participantRevenue())), optional("disasterShare", ReportedFacts::disasterShare),
                    optional("lowRevenue", ReportedFacts::lowRevenue), optional("compositeQualityScore", ReportedFacts::compositeQualityScore),
                    optional("benchmarkOverride", f -> cents(f.benchmarkOverride()))));

    private ReportedFactsFormat() {
    }

    /** Reads a facts document (JSON, or YAML read as a tree); null or an empty document is {@link ReportedFacts#NONE}. */
    public static Checked<ReportedFacts> read(JsonNode document) {
        if (document == null || document.isNull() || document.isMissingNode()) {
            return Checked.of(ReportedFacts.NONE, List.of());
        }
        return RecordReader.readJson(INSTANCE, RecordRules.contractFree(), document);
    }

    /** The rules that facts built elsewhere (a ledger command) must meet; empty when they do. */
    public static List<Violation> problems(ReportedFacts facts) {
        return INSTANCE.check(facts, RecordRules.contractFree());
    }

    private static ReportedFacts read(FieldReader f) {
        return new ReportedFacts(f.integer("assignedBeneficiaries"), f.decimal("qualityScore"), f.bool("qualityStandardMet"),
                f.bool("alternativeStandardMet"), f.amount("participantRevenue"), f.decimal("disasterShare"), f.bool("lowRevenue"),
                f.decimal("compositeQualityScore"), f.amount("benchmarkOverride"));
    }

    private static void check(ReportedFacts f, RecordRules rules, List<Violation> out) {
        add(out, "assignedBeneficiaries", RecordRules.notNegative(f.assignedBeneficiaries()));
        add(out, "qualityScore", RecordRules.fraction(f.qualityScore()));
        add(out, "participantRevenue", RecordRules.notNegative(f.participantRevenue()));
        add(out, "disasterShare", RecordRules.fraction(f.disasterShare()));
        add(out, "compositeQualityScore", RecordRules.fraction(f.compositeQualityScore()));
        add(out, "benchmarkOverride", RecordRules.positive(f.benchmarkOverride()));
    }
}
