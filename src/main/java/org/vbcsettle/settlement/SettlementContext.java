package org.vbcsettle.settlement;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;

import java.math.BigDecimal;
import java.util.List;

/**
 * The resolved inputs of one settlement, shared by every arrangement's calculator: claims in effect
 * (replacements and voids applied), member-months in effect, quality events, reported facts, and the
 * completion factor for incurred-but-not-reported claims.
 */
public record SettlementContext(Contract contract, Period period, List<Claim> claims,
                                AttributionResolution.Result attribution, List<QualityEvent> qualityEvents,
                                ReportedFacts reported, BigDecimal completionFactor) {

    public static SettlementContext of(Contract contract, SettlementInputs in) {
        List<Claim> effective = ClaimResolution.resolve(in.claims()).effective();
        return new SettlementContext(contract, in.period(), effective,
                AttributionResolution.resolve(in.attribution(), in.period()),
                RecordDiff.distinctById("quality event", in.qualityEvents(), QualityEvent::id), in.reported(),
                in.completionFactor());
    }
}
