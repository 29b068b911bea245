package org.vbcsettle.cli;

import org.vbcsettle.ingest.mssp.MsspPuf;
import org.vbcsettle.ingest.mssp.MsspPufReader;
import org.vbcsettle.ingest.mssp.MsspReconciliation;
import org.vbcsettle.ingest.mssp.PufFormatException;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.LineItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code vbc-settle reconcile-mssp --puf FILE [--out FILE.csv]}: recomputes every ACO's earned shared savings or
 * losses in a CMS MSSP PUF from its inputs and compares them with the published {@code EarnSaveLoss}.
 * Exit 0 when it ran (even if rows differ); 1 when the file cannot be read or a row cannot be parsed.
 */
@Command(name = "reconcile-mssp", mixinStandardHelpOptions = true,
        description = "Recompute CMS MSSP earned savings/losses from a PUF and compare")
public final class ReconcileMsspCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--puf", required = true, paramLabel = "FILE", description = "CMS MSSP ACO public use file (CSV), any performance year") Path puf;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "write aco_id,computed_earned,published_earned,difference (whole dollars)") Path out;

    @Option(names = "--year", paramLabel = "YYYY", description = "performance year, when neither a year column nor the file name tells it") Integer year;

    @Option(names = "--explain", paramLabel = "ACO_ID", description = "also print the line items of this ACO's settlement") String explain;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        MsspReconciliation.Report report;
        try {
            MsspPuf file = MsspPufReader.read(puf, year);
            report = MsspReconciliation.reconcile(file);
        } catch (PufFormatException e) {
            stderr.println("reconcile-mssp: " + e.getMessage());
            stderr.flush();
            return 1;
        }
        if (!report.puf().layoutNote().isEmpty()) {
            stdout.println(report.puf().layoutNote());
        }
        stdout.println(report.summary());
        stdout.println("  PY" + report.puf().performanceYear() + ", " + puf.getFileName() + "; the rounding interval is that of"
                + " the printed quality score or MSR");
        for (MsspReconciliation.Outcome o : report.differing()) {
            stdout.println("  " + o.row().acoId() + " (line " + o.row().line() + ", " + o.row().track().label() + "): computed "
                    + o.computed() + ", published " + o.row().publishedEarned() + ", difference " + o.difference() + ": " + o.reason());
        }
        if (explain != null) {
            explain(report, stdout);
        }
        stdout.flush();
        if (out != null) {
            try {
                writeCsv(report, out);
            } catch (IOException e) {
                stderr.println("reconcile-mssp: cannot write " + out + ": " + e.getMessage());
                stderr.flush();
                return 1;
            }
        }
        return 0;
    }

    private void explain(MsspReconciliation.Report report, PrintWriter stdout) {
        for (MsspReconciliation.Outcome o : report.outcomes()) {
            if (!o.row().acoId().equalsIgnoreCase(explain)) {
                continue;
            }
            stdout.println(o.row().acoId() + ": " + o.row().track().label() + ", PY" + o.row().performanceYear());
            for (LineItem li : o.result().lineItems()) {
                stdout.println("  " + li.label() + ": " + li.result() + "   [" + li.formula() + "] " + li.inputs());
            }
            return;
        }
        stdout.println("no ACO " + explain + " in " + puf);
    }

    static void writeCsv(MsspReconciliation.Report report, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("aco_id,computed_earned,published_earned,difference\n");
            for (MsspReconciliation.Outcome o : report.outcomes()) {
                w.write(csv(o.row().acoId()) + "," + wholeDollars(o.computed()) + "," + wholeDollars(o.row().publishedEarned())
                        + "," + wholeDollars(o.difference()) + "\n");
            }
        }
    }

    /** Amounts here are whole dollars already (CMS rounding); anything else would be a bug worth seeing. */
    private static String wholeDollars(Money m) {
        return m.toDollars().stripTrailingZeros().setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
