package org.vbcsettle.settlement;

import org.vbcsettle.money.Money;

import java.util.List;

/**
 * The settlement of one arrangement: its typed {@code figures}, the line items rendered from them, and the
 * amount (positive: payer pays the provider; negative: provider owes the payer).
 */
public record ArrangementResult(String arrangementId, String type, List<LineItem> lineItems, Money amount,
                                ArrangementFigures figures) {
    public ArrangementResult {
        lineItems = List.copyOf(lineItems);
    }

    public static ArrangementResult of(String arrangementId, String type, ArrangementFigures figures, List<LineItem> lineItems) {
        return new ArrangementResult(arrangementId, type, lineItems, figures.amount(), figures);
    }

    /** The figures as the kind the caller expects; a mismatch is a defect of the caller. */
    public <F extends ArrangementFigures> F figuresAs(Class<F> kind) {
        if (!kind.isInstance(figures)) {
            throw new IllegalStateException("arrangement " + arrangementId + " is " + type + ", not " + kind.getSimpleName());
        }
        return kind.cast(figures);
    }

    public List<Benchmark> benchmarksMet() {
        return figures.benchmarksMet(arrangementId);
    }
}
