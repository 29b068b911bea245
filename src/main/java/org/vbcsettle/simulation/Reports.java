package org.vbcsettle.simulation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.money.Money;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The console summary and the three output files of a run: results.csv, summary.json, report.html. */
public final class Reports {

    private Reports() {
    }

    // ---------------------------------------------------------------- console

    public static String console(SimulationResult r, Summary s, List<SweepResult> sweeps) {
        StringBuilder b = new StringBuilder();
        SimulationModel m = r.model();
        b.append(String.format(Locale.ROOT, "Contract  %s%s%n", m.contract().id(),
                m.contract().name() == null ? "" : " (" + m.contract().name() + ")"));
        b.append(String.format(Locale.ROOT, "Scenario  %s (%s)%n", m.scenario().name(), m.scenario().source()));
        b.append(String.format(Locale.ROOT, "Trials    %,d  seed %d  threads %d  members %,d  in %.2f s (%,.0f member-years/s)%n%n",
                r.trials(), r.seed(), r.threads(), m.members(), r.elapsedNanos() / 1e9, r.memberYears() / (r.elapsedNanos() / 1e9)));
        String row = "%-18s %16s %16s %16s %16s %16s %16s %16s%n";
        b.append(String.format(Locale.ROOT, row, "", "mean", "std dev", "P5", "P25", "P50", "P75", "P95"));
        for (Object[] line : new Object[][]{{"provider payout", s.providerPayout()}, {"payer net cost", s.payerNetCost()}}) {
            OutcomeStats o = (OutcomeStats) line[1];
            b.append(String.format(Locale.ROOT, row, line[0], o.mean(), o.standardDeviation(), o.p5(), o.p25(), o.p50(), o.p75(), o.p95()));
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "P(savings earned)        %s%n", s.probabilitySavingsEarned().toPlainString()));
        b.append(String.format(Locale.ROOT, "P(owing losses)          %s%n", s.probabilityOwingLosses().toPlainString()));
        b.append(String.format(Locale.ROOT, "ES95 of losses owed      %s%n%n", s.expectedShortfall95()));
        b.append(String.format(Locale.ROOT, "%-24s %-18s %16s %10s %10s%n", "arrangement", "type", "mean", "P(pays)", "P(owes)"));
        for (Summary.ArrangementSummary a : s.arrangements()) {
            b.append(String.format(Locale.ROOT, "%-24s %-18s %16s %10s %10s%n", a.id(), a.type(), a.mean(),
                    a.probabilityPays().toPlainString(), a.probabilityOwes().toPlainString()));
        }
        for (SweepResult sw : sweeps) {
            b.append(String.format(Locale.ROOT, "%nSweep of %s%n", sw.path()));
            b.append(String.format(Locale.ROOT, "%14s %18s %12s %12s %18s%n", sw.path().length() > 14 ? "value" : sw.path(),
                    "expected payout", "P(savings)", "P(losses)", "payer net cost"));
            for (Sweep.Point p : sw.points()) {
                b.append(String.format(Locale.ROOT, "%14s %18s %12s %12s %18s%n", p.value().toPlainString(), p.meanPayout(),
                        p.probabilitySavingsEarned().toPlainString(), p.probabilityOwingLosses().toPlainString(), p.meanPayerNetCost()));
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- files

    /** Writes DIR/results.csv, DIR/summary.json and DIR/report.html. */
    public static void writeAll(Path dir, SimulationResult r, Summary s, List<SweepResult> sweeps, String contractFile) throws IOException {
        Files.createDirectories(dir);
        writeCsv(dir.resolve("results.csv"), r);
        Files.writeString(dir.resolve("summary.json"),
                Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(json(r, s, sweeps, contractFile)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), html(r, s, sweeps, contractFile), StandardCharsets.UTF_8);
    }

    /** One row per trial; amounts in dollars with cents (exact: printed from the cents). */
    static void writeCsv(Path file, SimulationResult r) throws IOException {
        List<org.vbcsettle.contract.Arrangement> arrangements = r.model().arrangements();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("trial,members,member_months,claims_usd,expenditure_usd,benchmark_usd,trend,"
                    + "quality_score,composite_score,episodes,episode_spend_usd");
            for (var a : arrangements) {
                h.append(',').append(csvField(a.id() + "_usd"));
            }
            h.append(",provider_payout_usd,payer_net_cost_usd\n");
            w.write(h.toString());
            StringBuilder line = new StringBuilder(256);
            for (TrialOutcome o : r.outcomes()) {
                line.setLength(0);
                line.append(o.trial()).append(',').append(o.members()).append(',').append(o.memberMonths()).append(',')
                        .append(usd(o.claimsCents())).append(',').append(usd(o.expenditureCents())).append(',')
                        .append(o.benchmarkCents() == null ? "" : usd(o.benchmarkCents())).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", o.trendRate())).append(',')
                        .append(o.qualityScore() == null ? "" : o.qualityScore().toPlainString()).append(',')
                        .append(o.compositeScore() == null ? "" : o.compositeScore().toPlainString()).append(',')
                        .append(o.episodes()).append(',').append(usd(o.episodeSpendCents()));
                for (long a : o.arrangementCents()) {
                    line.append(',').append(usd(a));
                }
                line.append(',').append(usd(o.providerPayoutCents())).append(',').append(usd(o.payerNetCostCents())).append('\n');
                w.write(line.toString());
            }
        }
    }

    static String usd(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static ObjectNode json(SimulationResult r, Summary s, List<SweepResult> sweeps, String contractFile) {
        ObjectNode root = Mappers.json().createObjectNode();
        SimulationModel m = r.model();
        ObjectNode in = root.putObject("inputs");
        in.put("contractId", m.contract().id());
        in.put("contractFile", contractFile);
        in.put("scenario", m.scenario().name());
        in.put("scenarioFile", m.scenario().source().toString());
        in.put("members", m.members());
        in.put("trials", r.trials());
        in.put("seed", r.seed());
        in.put("threads", r.threads());
        root.put("elapsedSeconds", r.elapsedNanos() / 1e9);
        root.set("providerPayout", stats(s.providerPayout()));
        root.set("payerNetCost", stats(s.payerNetCost()));
        root.put("probabilitySavingsEarned", s.probabilitySavingsEarned());
        root.put("probabilityOwingLosses", s.probabilityOwingLosses());
        root.set("expectedShortfall95OfLosses", money(s.expectedShortfall95()));
        ArrayNode arr = root.putArray("arrangements");
        for (Summary.ArrangementSummary a : s.arrangements()) {
            ObjectNode o = arr.addObject();
            o.put("id", a.id());
            o.put("type", a.type());
            o.set("mean", money(a.mean()));
            o.put("probabilityPays", a.probabilityPays());
            o.put("probabilityOwes", a.probabilityOwes());
        }
        ArrayNode sw = root.putArray("sweeps");
        for (SweepResult x : sweeps) {
            ObjectNode o = sw.addObject();
            o.put("parameter", x.path());
            ArrayNode pts = o.putArray("points");
            for (Sweep.Point p : x.points()) {
                ObjectNode po = pts.addObject();
                po.put("value", p.value());
                po.set("expectedPayout", money(p.meanPayout()));
                po.put("probabilitySavingsEarned", p.probabilitySavingsEarned());
                po.put("probabilityOwingLosses", p.probabilityOwingLosses());
                po.set("expectedPayerNetCost", money(p.meanPayerNetCost()));
            }
        }
        return root;
    }

    private static ObjectNode stats(OutcomeStats o) {
        ObjectNode n = Mappers.json().createObjectNode();
        n.set("mean", money(o.mean()));
        n.set("standardDeviation", money(o.standardDeviation()));
        n.set("min", money(o.min()));
        n.set("p5", money(o.p5()));
        n.set("p25", money(o.p25()));
        n.set("p50", money(o.p50()));
        n.set("p75", money(o.p75()));
        n.set("p95", money(o.p95()));
        n.set("max", money(o.max()));
        return n;
    }

    private static ObjectNode money(Money m) {
        ObjectNode n = Mappers.json().createObjectNode();
        n.put("cents", m.cents());
        n.put("display", m.toString());
        return n;
    }

    // ---------------------------------------------------------------- html

    /** Self-contained and well-formed (XHTML-compatible) so that it can be checked with an XML parser. */
    static String html(SimulationResult r, Summary s, List<SweepResult> sweeps, String contractFile) {
        SimulationModel m = r.model();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        b.append("<title>").append(Svg.esc("Simulation of " + m.contract().id())).append("</title>\n");
        b.append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}"
                + "pre{background:#f6f6f6;padding:1em;overflow:auto}</style>\n</head>\n<body>\n");
        b.append("<h1>").append(Svg.esc("Monte Carlo simulation: " + m.contract().id())).append("</h1>\n");
        b.append("<h2>Inputs</h2>\n<table>\n");
        row(b, "contract", m.contract().id() + (m.contract().name() == null ? "" : " (" + m.contract().name() + ")"));
        row(b, "contract file", contractFile);
        row(b, "scenario", m.scenario().name() + " (" + m.scenario().source() + ")");
        row(b, "members", String.format(Locale.ROOT, "%,d", m.members()));
        row(b, "trials", String.format(Locale.ROOT, "%,d", r.trials()));
        row(b, "seed", String.valueOf(r.seed()));
        row(b, "threads", String.valueOf(r.threads()));
        row(b, "run time", String.format(Locale.ROOT, "%.2f s", r.elapsedNanos() / 1e9));
        b.append("</table>\n");
        b.append("<h2>Summary</h2>\n<table>\n<tr><th></th><th>mean</th><th>std dev</th><th>P5</th><th>P25</th><th>P50</th><th>P75</th><th>P95</th></tr>\n");
        statsRow(b, "provider payout", s.providerPayout());
        statsRow(b, "payer net cost", s.payerNetCost());
        b.append("</table>\n<table>\n");
        row(b, "probability that savings are earned", s.probabilitySavingsEarned().toPlainString());
        row(b, "probability of owing losses", s.probabilityOwingLosses().toPlainString());
        row(b, "expected shortfall of losses at 95%", s.expectedShortfall95().toString());
        b.append("</table>\n<table>\n<tr><th>arrangement</th><th>type</th><th>mean</th><th>P(pays)</th><th>P(owes)</th></tr>\n");
        for (Summary.ArrangementSummary a : s.arrangements()) {
            b.append("<tr><td>").append(Svg.esc(a.id())).append("</td><td>").append(Svg.esc(a.type())).append("</td><td>")
                    .append(Svg.esc(a.mean().toString())).append("</td><td>").append(a.probabilityPays().toPlainString())
                    .append("</td><td>").append(a.probabilityOwes().toPlainString()).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Distribution of the provider's payout</h2>\n");
        long[] payouts = r.providerPayouts();
        b.append(Svg.histogram("Histogram of provider payout (" + r.trials() + " trials)", payouts, 40));
        b.append(Svg.cdf("Cumulative distribution of provider payout", payouts));
        for (SweepResult sw : sweeps) {
            b.append("<h2>").append(Svg.esc("Sensitivity to " + sw.path())).append("</h2>\n");
            b.append("<table>\n<tr><th>").append(Svg.esc(sw.path()))
                    .append("</th><th>expected payout</th><th>P(savings)</th><th>P(losses)</th><th>payer net cost</th></tr>\n");
            for (Sweep.Point p : sw.points()) {
                b.append("<tr><td>").append(p.value().toPlainString()).append("</td><td>").append(Svg.esc(p.meanPayout().toString()))
                        .append("</td><td>").append(p.probabilitySavingsEarned().toPlainString()).append("</td><td>")
                        .append(p.probabilityOwingLosses().toPlainString()).append("</td><td>")
                        .append(Svg.esc(p.meanPayerNetCost().toString())).append("</td></tr>\n");
            }
            b.append("</table>\n");
            b.append(Svg.sweep(sw.path(), sw.points()));
        }
        b.append("<h2>Scenario document</h2>\n<pre>");
        try {
            b.append(Svg.esc(Files.readString(m.scenario().source())));
        } catch (IOException e) {
            b.append(Svg.esc(m.scenario().tree().toPrettyString()));
        }
        b.append("</pre>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(Svg.esc(k)).append("</th><td>").append(Svg.esc(v == null ? "" : v)).append("</td></tr>\n");
    }

    private static void statsRow(StringBuilder b, String label, OutcomeStats o) {
        b.append("<tr><td>").append(Svg.esc(label)).append("</td>");
        for (Money x : new Money[]{o.mean(), o.standardDeviation(), o.p5(), o.p25(), o.p50(), o.p75(), o.p95()}) {
            b.append("<td>").append(Svg.esc(x.toString())).append("</td>");
        }
        b.append("</tr>\n");
    }
}
