package org.vbcsettle.settlement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a settlement, written so that a provider can re-check it by hand: the inputs by name,
 * the formula in words, and the result as displayed. {@code amountCents} carries the exact value when the
 * result is money.
 */
public record LineItem(String label, Map<String, String> inputs, String formula, String result, Long amountCents) {
    public LineItem {
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    public static Builder builder(String label) {
        return new Builder(label);
    }

    public static final class Builder {
        private final String label;
        private final LinkedHashMap<String, String> inputs = new LinkedHashMap<>();
        private String formula = "";

        private Builder(String label) {
            this.label = label;
        }

        public Builder input(String name, Object value) {
            inputs.put(name, String.valueOf(value));
            return this;
        }

        public Builder formula(String formula) {
            this.formula = formula;
            return this;
        }

        public LineItem result(String result) {
            return new LineItem(label, inputs, formula, result, null);
        }

        public LineItem money(org.vbcsettle.money.Money amount) {
            return new LineItem(label, inputs, formula, amount.toString(), amount.cents());
        }
    }
}
