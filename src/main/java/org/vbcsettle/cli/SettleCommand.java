package org.vbcsettle.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractLoader;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.contract.Period;
import org.vbcsettle.ingest.AttributionFormat;
import org.vbcsettle.ingest.Checked;
import org.vbcsettle.ingest.ClaimFormat;
import org.vbcsettle.ingest.IngestError;
import org.vbcsettle.ingest.QualityEventFormat;
import org.vbcsettle.ingest.RecordReader;
import org.vbcsettle.ingest.RecordRules;
import org.vbcsettle.ingest.ReportedFactsFormat;
import org.vbcsettle.ingest.RecordType;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ClaimResolution;
import org.vbcsettle.settlement.ContractSettlement;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.Statement;
import org.vbcsettle.settlement.StatementRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code vbc-settle settle}: settles one contract offline from files (CSV or NDJSON, by extension) and prints
 * the statement as a text table or JSON. Records must meet the same {@link RecordRules} as records sent over
 * HTTP; every bad record is reported with its file, line, id and field (an id repeated with different content
 * names both lines), and nothing is settled.
 */
@Command(name = "settle", mixinStandardHelpOptions = true, description = "Settle one contract offline from files")
public final class SettleCommand implements Callable<Integer> {
    /** Enough errors to see the pattern in a broken file without flooding the terminal. */
    static final int MAX_ERRORS_SHOWN = 50;

    @Option(names = "--contract", required = true, paramLabel = "FILE", description = "contract document (YAML or JSON)") Path contractFile;

    @Option(names = "--members", required = true, paramLabel = "FILE", description = "attribution member-months (*.csv or *.ndjson)") Path membersFile;

    @Option(names = "--claims", required = true, paramLabel = "FILE", description = "claims (*.csv or *.ndjson)") Path claimsFile;

    @Option(names = "--quality", paramLabel = "FILE", description = "quality events (*.csv or *.ndjson)") Path qualityFile;

    @Option(names = "--period", paramLabel = "P", description = "YYYY, YYYY-Qn or YYYY-MM (default: the contract's performance period)") String period;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})") String format;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "final", description = "final, interim or projected (default: ${DEFAULT-VALUE})") String kind;

    @Option(names = "--completion-factor", paramLabel = "F", description = "share of ultimate claims already paid, (0,1] (default 1)") BigDecimal completionFactor;

    @Option(names = "--reported", paramLabel = "FILE", description = "reported facts (YAML or JSON): quality score, revenue, CQS, ...") Path reportedFile;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            return fail("--format must be text or json, was " + format);
        }
        Statement.Kind statementKind;
        try {
            statementKind = Statement.Kind.valueOf(kind.toUpperCase());
        } catch (IllegalArgumentException e) {
            return fail("--kind must be final, interim or projected, was " + kind);
        }
        if (completionFactor != null && (completionFactor.signum() <= 0 || completionFactor.compareTo(BigDecimal.ONE) > 0)) {
            return fail("--completion-factor must be above 0 and at most 1, was " + completionFactor.toPlainString());
        }
        ContractLoader.Result loaded = ContractLoader.read(contractFile);
        if (!loaded.ok()) {
            loaded.errors().forEach(err::println);
            return fail("the contract has " + loaded.errors().size() + " error(s); nothing settled");
        }
        Contract contract = loaded.contract();
        Period settled;
        if (period == null) {
            settled = contract.performancePeriod();
        } else {
            try {
                settled = Period.parse(period);
            } catch (IllegalArgumentException e) {
                return fail("--period: " + e.getMessage());
            }
            if (!contract.performancePeriod().encloses(settled)) {
                return fail("--period " + period + " is outside the contract's performance period " + contract.performancePeriod());
            }
        }
        ReportedFacts reported = ReportedFacts.NONE;
        if (reportedFile != null) {
            try {
                reported = readReported(reportedFile);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return fail("the reported facts file is not valid; nothing settled");
            }
        }

        // the same rules as the HTTP API applies to records sent to this contract
        RecordRules rules = RecordRules.forContract(contract);
        int[] errorCount = {0};
        List<Attribution> members = read(membersFile, AttributionFormat.INSTANCE, rules, errorCount);
        List<Claim> claims = read(claimsFile, ClaimFormat.INSTANCE, rules, errorCount);
        List<QualityEvent> quality = qualityFile == null ? List.of() : read(qualityFile, QualityEventFormat.INSTANCE, rules, errorCount);
        if (errorCount[0] > 0) {
            return fail(errorCount[0] + " input error(s); nothing settled");
        }
        List<Claim> orphans = ClaimResolution.orphans(claims);
        if (!orphans.isEmpty()) {
            err.println("warning: " + orphans.size() + " replacement/void claim(s) name a claim that is not in "
                    + claimsFile + " and are ignored: " + orphans.stream().limit(10).map(Claim::id).collect(Collectors.joining(", "))
                    + (orphans.size() > 10 ? ", ..." : ""));
        }
        SettlementInputs inputs = new SettlementInputs(settled, members, claims, quality, reported, completionFactor);
        Statement statement;
        try {
            statement = ContractSettlement.settle(contract, inputs, statementKind, 0L).orElseThrow();
        } catch (UnsupportedOperationException | IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return fail("cannot settle " + contract.id() + ": " + e.getMessage());
        }
        out.print("json".equals(format) ? StatementRenderer.json(statement) + System.lineSeparator() : StatementRenderer.text(statement));
        return 0;
    }

    private <T> List<T> read(Path file, RecordType<T> type, RecordRules rules, int[] errorCount) {
        if (!Files.isRegularFile(file)) {
            err.println(file + ": no such file");
            errorCount[0]++;
            return List.of();
        }
        RecordReader.Loaded<T> loaded = RecordReader.readAll(file, type, rules, MAX_ERRORS_SHOWN);
        for (IngestError e : loaded.errors()) {
            err.println(e);
        }
        if (loaded.errorCount() > loaded.errors().size()) {
            err.println(file + ": ... and " + (loaded.errorCount() - loaded.errors().size()) + " more error(s)");
        }
        if (loaded.duplicates() > 0) {
            err.println(file + ": note: " + loaded.duplicates() + " identical repeat(s) of a record id ignored");
        }
        errorCount[0] += (int) Math.min(Integer.MAX_VALUE, loaded.errorCount());
        return loaded.records();
    }

    /** The reported facts document, read with the same record rules as the API's reported facts. */
    static ReportedFacts readReported(Path file) {
        String source = file.toString();
        JsonNode tree;
        try {
            String text = Files.readString(file);
            var mapper = ContractLoader.Format.ofFileName(source) == ContractLoader.Format.JSON ? Mappers.json() : Mappers.yaml();
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            throw new IllegalArgumentException(source + ": not a valid document: " + (nl < 0 ? msg : msg.substring(0, nl)), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read: " + e.getMessage(), e);
        }
        Checked<ReportedFacts> facts = ReportedFactsFormat.read(tree);
        if (!facts.ok()) {
            throw new IllegalArgumentException(facts.violations().stream()
                    .map(v -> source + ": " + (v.field() == null ? "" : v.field() + ": ") + v.message())
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        return facts.value();
    }

    private int fail(String message) {
        err.println("settle: " + message);
        return 1;
    }
}
