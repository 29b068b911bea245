package org.vbcsettle.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sensitivity sweep: one numeric scenario parameter, named by its path in the scenario document
 * ({@code trend}, {@code cost.severity.sigma}, {@code cost.tiers[1].severity.mean},
 * {@code quality.measures.CBP.rate.alpha}), run at each value of {@code from:to:step}. Every point uses the
 * same seed, so the points share their random numbers and the curve shows the parameter's effect, not noise.
 */
public record Sweep(String path, List<BigDecimal> values) {
    public static final int MAX_POINTS = 101;
    private static final Pattern SPEC = Pattern.compile("([A-Za-z0-9_.\\[\\]-]+)=([^:]+):([^:]+):([^:]+)");
    private static final Pattern SEGMENT = Pattern.compile("([^\\[\\]]+)((?:\\[\\d+])*)");

    /** One scenario parameter set to one value: a sweep point's difference from the scenario. */
    public record Change(String path, BigDecimal value) {
    }

    /** One point of a sweep. */
    public record Point(BigDecimal value, Money meanPayout, BigDecimal probabilitySavingsEarned,
                        BigDecimal probabilityOwingLosses, Money meanPayerNetCost) {
        static Point of(BigDecimal value, Summary s) {
            return new Point(value, s.providerPayout().mean(), s.probabilitySavingsEarned(), s.probabilityOwingLosses(),
                    s.payerNetCost().mean());
        }
    }

    /** Parses {@code path=from:to:step}; values are exact decimals, from and to included. */
    public static Sweep parse(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--vary: expected path=from:to:step (e.g. trend=0.01:0.05:0.01), was '" + spec + "'");
        }
        BigDecimal from = decimal(m.group(2), "from", spec);
        BigDecimal to = decimal(m.group(3), "to", spec);
        BigDecimal step = decimal(m.group(4), "step", spec);
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("--vary " + spec + ": step must be > 0, was " + step.toPlainString());
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("--vary " + spec + ": to (" + to.toPlainString() + ") is below from (" + from.toPlainString() + ")");
        }
        List<BigDecimal> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            if (values.size() == MAX_POINTS) {
                throw new IllegalArgumentException("--vary " + spec + ": more than " + MAX_POINTS + " points");
            }
            values.add(v);
        }
        return new Sweep(m.group(1), List.copyOf(values));
    }

    private static BigDecimal decimal(String s, String what, String spec) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--vary " + spec + ": " + what + " is not a number: '" + s + "'");
        }
    }

    /** The scenario with the parameter at {@code path} set to {@code value}, validated again. */
    public static Scenario withParameter(Scenario s, String path, BigDecimal value) {
        String where = s.source() + ": " + path + ": ";
        JsonNode root = s.tree().deepCopy();
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            Matcher m = SEGMENT.matcher(parts[i]);
            if (!m.matches()) {
                throw new ScenarioException(where + "--vary: not a parameter path");
            }
            String field = m.group(1);
            List<Integer> indices = new ArrayList<>();
            Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
            while (idx.find()) {
                indices.add(Integer.parseInt(idx.group(1)));
            }
            boolean lastPart = i == parts.length - 1;
            if (!(node instanceof ObjectNode obj)) {
                throw new ScenarioException(where + "--vary: no such parameter in the scenario");
            }
            if (lastPart && indices.isEmpty()) {
                JsonNode current = obj.get(field);
                if (current != null && !current.isNull() && !current.isNumber()) {
                    throw new ScenarioException(where + "--vary: not a numeric parameter (it holds "
                            + (current.isObject() ? "a mapping" : current.isArray() ? "a list" : "\"" + current.asText() + "\"") + ")");
                }
                obj.set(field, DecimalNode.valueOf(value)); // a missing leaf is added: the reader then checks it
                return ScenarioReader.fromTree(s.source(), root);
            }
            node = obj.get(field);
            for (int k : indices) {
                if (!(node instanceof ArrayNode arr) || k >= arr.size()) {
                    throw new ScenarioException(where + "--vary: no such parameter in the scenario");
                }
                node = arr.get(k);
            }
            if (node == null) {
                throw new ScenarioException(where + "--vary: no such parameter in the scenario");
            }
            if (lastPart) {
                throw new ScenarioException(where + "--vary: a list element is not a numeric parameter");
            }
        }
        throw new ScenarioException(where + "--vary: no such parameter in the scenario");
    }
}
