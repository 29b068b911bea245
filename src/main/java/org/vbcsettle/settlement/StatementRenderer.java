package org.vbcsettle.settlement;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.money.Money;

import java.util.Map;

/**
 * Renders a {@link Statement} for people and programs: JSON through the shared {@link Mappers} (amounts in
 * cents, as everywhere in the API), or a fixed-width text table a provider can re-check by hand: every line
 * item with its result, formula and inputs, each arrangement's amount and the total.
 */
public final class StatementRenderer {
    static final int WIDTH = 100;
    private static final int LABEL = 46;
    private static final int RESULT = 22;

    private StatementRenderer() {
    }

    public static String json(Statement statement) {
        try {
            return Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statement cannot be written as JSON", e);
        }
    }

    public static Statement fromJson(String json) {
        try {
            return Mappers.json().readValue(json, Statement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a statement: " + e.getOriginalMessage(), e);
        }
    }

    public static String text(Statement s) {
        StringBuilder sb = new StringBuilder();
        String rule = "=".repeat(WIDTH);
        String thin = "-".repeat(WIDTH);
        sb.append(kindTitle(s.kind())).append(" settlement statement").append('\n');
        sb.append(rule).append('\n');
        row(sb, "Contract", s.contractId() + " (version " + s.contractVersion() + ")");
        row(sb, "Period", s.periodId() + " (" + s.periodStart() + " to " + s.periodEnd() + ")");
        if (s.computedAtSequence() > 0) {
            row(sb, "Computed at ledger sequence", String.valueOf(s.computedAtSequence()));
        }
        for (ArrangementResult a : s.arrangements()) {
            sb.append('\n');
            sb.append("Arrangement ").append(a.arrangementId()).append(" (").append(a.type()).append(')').append('\n');
            sb.append(thin).append('\n');
            sb.append(pad("  Line item", LABEL)).append(padLeft("Result", RESULT)).append("  Formula").append('\n');
            for (LineItem li : a.lineItems()) {
                String label = "  " + li.label();
                if (label.length() >= LABEL) {
                    // a long label keeps its own line rather than being cut
                    sb.append(label).append('\n');
                    label = "";
                }
                sb.append(pad(label, LABEL)).append(padLeft(li.result() == null ? "" : li.result(), RESULT));
                String formula = li.formula() == null ? "" : li.formula();
                if (!formula.isEmpty() && LABEL + RESULT + 2 + formula.length() <= WIDTH) {
                    sb.append("  ").append(formula).append('\n');
                } else {
                    // a formula too long for the table row goes on its own line under the item
                    sb.append('\n');
                    if (!formula.isEmpty()) {
                        sb.append("      formula: ").append(formula).append('\n');
                    }
                }
                for (Map.Entry<String, String> in : li.inputs().entrySet()) {
                    sb.append("      ").append(in.getKey()).append(" = ").append(in.getValue()).append('\n');
                }
            }
            sb.append(pad("  Amount of " + a.arrangementId(), LABEL)).append(padLeft(a.amount().toString(), RESULT)).append('\n');
        }
        sb.append('\n').append(rule).append('\n');
        sb.append(pad("Total", LABEL)).append(padLeft(s.total().toString(), RESULT)).append("  ").append(direction(s.total())).append('\n');
        return sb.toString();
    }

    private static String kindTitle(Statement.Kind k) {
        String n = k.name().toLowerCase();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private static String direction(Money total) {
        if (total.isPositive()) {
            return "payer pays the provider";
        }
        if (total.isNegative()) {
            return "provider owes the payer";
        }
        return "nothing is owed";
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append(pad(name, 30)).append(value).append('\n');
    }

    private static String pad(String s, int width) {
        if (s.length() >= width) {
            return s.substring(0, width - 1) + " ";
        }
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
