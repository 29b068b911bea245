package org.vbcsettle.settlement;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.bundled.BundledPaymentResult;
import org.vbcsettle.settlement.quality.QualityIncentiveResult;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsResult;

import java.util.List;

/**
 * The typed figures of one arrangement's settlement, one record per arrangement kind in that kind's
 * package. Not sealed: Java 17 lets a sealed type in the unnamed module permit subtypes of its own package
 * only, and each kind keeps its result next to its calculator. The subtype names below are the ones
 * persisted with statements; they follow the contract's {@code type} names.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SharedSavingsResult.class, name = "shared-savings"),
        @JsonSubTypes.Type(value = BundledPaymentResult.class, name = "bundled-payment"),
        @JsonSubTypes.Type(value = QualityIncentiveResult.class, name = "quality-incentive")
})
public interface ArrangementFigures {

    /** The settled amount: positive, the payer pays the provider; negative, the provider owes the payer. */
    Money amount();

    /** The benchmarks of this settlement that trigger a payout, by their one definition in the kind's result. */
    List<Benchmark> benchmarksMet(String arrangementId);
}
