package org.vbcsettle.settlement;

import org.vbcsettle.contract.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reduces attribution records, including retroactive changes, to the member-months in effect in a period.
 * A record named by another's {@code replacesId} no longer counts; an inactive record counts for nothing.
 * A member counts once per month; if two records cover the same member-month, the larger id wins.
 */
public final class AttributionResolution {

    private AttributionResolution() {
    }

    /** key: memberId + month; value: the effective record. Sorted, so iteration is deterministic. */
    public record Result(Map<String, Attribution> memberMonths) {
        public long memberMonthCount() {
            return memberMonths.size();
        }

        public Set<String> members() {
            Set<String> s = new HashSet<>();
            memberMonths.values().forEach(a -> s.add(a.memberId()));
            return s;
        }

        public boolean isAttributed(String memberId, YearMonth month) {
            return memberMonths.containsKey(key(memberId, month));
        }

        /** Member-month weighted average risk score, 6 decimals (half-even); 1 with no member-months. */
        public BigDecimal averageRiskScore() {
            if (memberMonths.isEmpty()) {
                return BigDecimal.ONE;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Attribution a : memberMonths.values()) {
                sum = sum.add(a.riskScore());
            }
            return sum.divide(BigDecimal.valueOf(memberMonths.size()), 6, RoundingMode.HALF_EVEN);
        }
    }

    static String key(String memberId, YearMonth month) {
        return memberId + "|" + month;
    }

    /** @throws IllegalArgumentException when an id appears twice with different content */
    public static Result resolve(List<Attribution> input, Period period) {
        List<Attribution> records = RecordDiff.distinctById("attribution", input, Attribution::id);
        Set<String> replaced = new HashSet<>();
        for (Attribution a : records) {
            if (a.replacesId() != null) {
                replaced.add(a.replacesId());
            }
        }
        Map<String, Attribution> out = new TreeMap<>();
        records.stream().sorted(Comparator.comparing(Attribution::id)).forEach(a -> {
            if (replaced.contains(a.id()) || !a.active() || !period.contains(a.month())) {
                return;
            }
            out.put(key(a.memberId(), a.month()), a);
        });
        return new Result(java.util.Collections.unmodifiableMap(out));
    }
}
