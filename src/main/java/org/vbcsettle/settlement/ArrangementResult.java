package org.vbcsettle.settlement;

import org.vbcsettle.money.Money;

import java.util.List;
import java.util.Map;

/**
 * The settlement of one arrangement: its line items and the amount (positive: payer pays the provider;
 * negative: provider owes the payer). {@code metrics} carries named figures for running totals and
 * payout triggers (e.g. {@code savingsRate}, {@code compositeScore}, {@code measure.CBP.met}).
 */
public record ArrangementResult(String arrangementId, String type, List<LineItem> lineItems, Money amount,
                                Map<String, String> metrics) {
    public ArrangementResult {
        lineItems = List.copyOf(lineItems);
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
