package org.vbcsettle.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One payment arrangement of a contract; a contract may combine several. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SharedSavings.class, name = "shared-savings"),
        @JsonSubTypes.Type(value = BundledPayment.class, name = "bundled-payment"),
        @JsonSubTypes.Type(value = QualityIncentive.class, name = "quality-incentive")
})
public sealed interface Arrangement permits SharedSavings, BundledPayment, QualityIncentive {
    /** Unique within the contract; names the arrangement on statements and in payout keys. */
    String id();

    /** The {@code type} name used in contract documents. */
    String typeName();
}
