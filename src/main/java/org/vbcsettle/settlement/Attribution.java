package org.vbcsettle.settlement;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One member attributed to the contract for one month (a member-month).
 *
 * @param id          stable id; the idempotency key
 * @param riskScore   the member's risk score (e.g. CMS-HCC), 1.0 = average
 * @param segment     enrollment type: aged/non-dual, aged/dual, disabled, ESRD
 * @param replacesId  a retroactive change names the attribution record it replaces
 * @param active      false retracts the replaced record (the member was not attributed that month)
 */
public record Attribution(String id, String memberId, YearMonth month, BigDecimal riskScore, String segment,
                          String replacesId, boolean active) {
    public Attribution {
        if (riskScore == null) {
            riskScore = BigDecimal.ONE;
        }
    }

    public static Attribution of(String id, String memberId, YearMonth month, BigDecimal riskScore) {
        return new Attribution(id, memberId, month, riskScore, null, null, true);
    }
}
