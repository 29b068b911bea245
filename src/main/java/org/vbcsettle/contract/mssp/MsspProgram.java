package org.vbcsettle.contract.mssp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractProblem;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shared-savings arrangement of a contract document that names an MSSP performance year and track takes its
 * terms from the same table the CMS reconciliation uses ({@link MsspTerms}, {@link MsspProgramYear}), so that a
 * contract and {@code reconcile-mssp} cannot disagree on a year's rules:
 *
 * <pre>
 *   - type: shared-savings
 *     id: mssp-savings
 *     program:
 *       name: mssp
 *       performanceYear: 2024
 *       track: BASIC_E           # A..E, ENHANCED, Track 1, Track 2, Track 1+ (as the PUFs write them)
 *       agreementStart: 2024-01-01
 *     benchmark: ...             # the contract's own benchmark (the program has none)
 * </pre>
 *
 * <p>Every field the arrangement writes overrides the program's value for that field as a whole (a written
 * {@code downside} replaces the program's downside entirely); every field it leaves out comes from the program.
 * The minimum savings rate defaults to CMS's table by assigned beneficiaries (42 CFR 425.604(b), 425.605(b));
 * when the arrangement writes one, the program's loss side uses it as the minimum loss rate too (two-sided ACOs
 * choose one symmetric MSR/MLR, 42 CFR 425.605(b)(3)).
 *
 * <p>The quality gate is always the contract's own: CMS's quality standards are percentiles of MIPS scores across
 * all ACOs, which a contract can only state as thresholds on its quality score ({@code quality.standard},
 * {@code quality.alternative}); an arrangement without {@code quality} has no quality gate, as any other.
 */
public final class MsspProgram {

    /** The key of an arrangement that names a program. */
    public static final String KEY = "program";

    private static final Set<String> FIELDS = Set.of("name", "performanceYear", "track", "agreementStart");

    /**
     * The program an arrangement named.
     *
     * @param index           the arrangement's position in {@code arrangements}
     * @param performanceYear the MSSP performance year whose rules apply
     * @param track           the ACO's track that year
     * @param agreementStart  first day of the agreement period (null: unknown)
     */
    public record Choice(int index, int performanceYear, MsspTrack track, LocalDate agreementStart) {
    }

    private MsspProgram() {
    }

    /**
     * Takes every arrangement's {@code program} out of the document tree (so that the rest maps as any other
     * arrangement) and reads it; problems name the field, e.g. {@code arrangements[0].program.track}.
     */
    public static List<Choice> take(ObjectNode document, String source, List<ContractProblem> problems) {
        List<Choice> choices = new ArrayList<>();
        if (!(document.get("arrangements") instanceof ArrayNode arrangements)) {
            return choices;
        }
        for (int i = 0; i < arrangements.size(); i++) {
            if (!(arrangements.get(i) instanceof ObjectNode arrangement) || !arrangement.has(KEY)) {
                continue;
            }
            JsonNode program = arrangement.remove(KEY);
            String at = "arrangements[" + i + "]." + KEY;
            if (!"shared-savings".equals(arrangement.path("type").asText(null))) {
                problems.add(new ContractProblem(source, at, "a program applies to shared-savings arrangements only"));
                continue;
            }
            Choice c = read(program, i, at, source, problems);
            if (c != null) {
                choices.add(c);
            }
        }
        return choices;
    }

    private static Choice read(JsonNode program, int index, String at, String source, List<ContractProblem> problems) {
        if (!(program instanceof ObjectNode p)) {
            problems.add(new ContractProblem(source, at, "must be a mapping of fields (name, performanceYear, track, agreementStart)"));
            return null;
        }
        int before = problems.size();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!FIELDS.contains(key)) {
                problems.add(new ContractProblem(source, at + "." + key,
                        "unknown field (expected one of: agreementStart, name, performanceYear, track)"));
            }
        }
        String name = p.path("name").asText("");
        if (!"mssp".equalsIgnoreCase(name.trim())) {
            problems.add(new ContractProblem(source, at + ".name",
                    name.isBlank() ? "is required (mssp)" : "unknown program '" + name + "' (one of: mssp)"));
        }
        JsonNode y = p.path("performanceYear");
        int year = 0;
        if (!y.canConvertToInt() || !y.isIntegralNumber()) {
            problems.add(new ContractProblem(source, at + ".performanceYear",
                    y.isMissingNode() ? "is required (a year from " + firstYear() + ")" : "must be a whole number, was '" + y.asText() + "'"));
        } else if (y.intValue() < firstYear()) {
            problems.add(new ContractProblem(source, at + ".performanceYear",
                    "the MSSP rules start with performance year " + firstYear() + ", was " + y.intValue()));
        } else {
            year = y.intValue();
        }
        MsspTrack track = null;
        try {
            track = MsspTrack.parse(p.path("track").isTextual() || p.path("track").isNumber() ? p.path("track").asText() : null);
        } catch (IllegalArgumentException e) {
            problems.add(new ContractProblem(source, at + ".track", e.getMessage()));
        }
        LocalDate start = null;
        if (p.hasNonNull("agreementStart")) {
            try {
                start = LocalDate.parse(p.get("agreementStart").asText());
            } catch (DateTimeParseException e) {
                problems.add(new ContractProblem(source, at + ".agreementStart",
                        "must be a date (YYYY-MM-DD), was '" + p.get("agreementStart").asText() + "'"));
            }
        }
        return problems.size() == before ? new Choice(index, year, track, start) : null;
    }

    private static int firstYear() {
        return MsspProgramYear.TABLE.get(0).firstYear();
    }

    /** The contract with each chosen arrangement's missing fields filled from its program's terms. */
    public static Contract apply(Contract contract, List<Choice> choices) {
        if (choices.isEmpty() || contract.arrangements() == null) {
            return contract;
        }
        List<Arrangement> arrangements = new ArrayList<>(contract.arrangements());
        for (Choice c : choices) {
            if (c.index() < arrangements.size() && arrangements.get(c.index()) instanceof SharedSavings written) {
                arrangements.set(c.index(), resolve(written, c));
            }
        }
        return contract.withArrangements(arrangements);
    }

    /** The program's terms, each overridden by the field the document wrote. */
    public static SharedSavings resolve(SharedSavings written, Choice c) {
        MinimumRate rate = written.minimumSavingsRate() != null ? written.minimumSavingsRate() : new MinimumRate.CmsTable();
        SharedSavings program = MsspTerms.of(written.id(), c.performanceYear(), c.track(), rate, c.agreementStart(), null);
        return new SharedSavings(
                written.id(),
                written.benchmark(),
                rate,
                or(written.sharingRate(), program.sharingRate()),
                written.quality(),
                or(written.savingsCap(), program.savingsCap()),
                or(written.sequestration(), program.sequestration()),
                or(written.truncation(), program.truncation()),
                or(written.downside(), program.downside()),
                or(written.lowRevenueReducedSharing(), program.lowRevenueReducedSharing()));
    }

    private static <T> T or(T written, T program) {
        return written != null ? written : program;
    }
}
