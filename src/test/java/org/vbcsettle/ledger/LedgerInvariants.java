package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.AttributionResolution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ClaimResolution;
import org.vbcsettle.settlement.Statement;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a ledger's incremental figures against figures recomputed from its records by independent
 * means (the settlement package's ClaimResolution / AttributionResolution over every record), and the
 * payout rules. Throws AssertionError naming the first difference.
 */
final class LedgerInvariants {

    private LedgerInvariants() {
    }

    static void check(ContractState s) {
        // 1. paid totals per month = the claims in effect after resolving every record, net of reversals
        List<Claim> records = new ArrayList<>();
        s.claimRecords().forEach(c -> records.add(c.toClaim()));
        ClaimResolution.Result resolved = ClaimResolution.resolve(records);
        if (!resolved.orphans().isEmpty()) {
            throw new AssertionError("ledger holds replacements of unknown claims: " + resolved.orphans());
        }
        Map<YearMonth, Long> paid = new HashMap<>();
        Map<YearMonth, Long> count = new HashMap<>();
        Map<String, Long> memberYear = new HashMap<>();
        for (Claim c : resolved.effective()) {
            YearMonth m = YearMonth.from(c.serviceFrom());
            paid.merge(m, c.paidAmount().cents(), Long::sum);
            count.merge(m, 1L, Long::sum);
            memberYear.merge(c.serviceFrom().getYear() + "|" + c.memberId(), c.paidAmount().cents(), Long::sum);
        }
        long total = 0;
        for (var e : s.months().entrySet()) {
            long expected = paid.getOrDefault(e.getKey(), 0L);
            if (e.getValue().paidCents != expected) {
                throw new AssertionError("paid claims of " + e.getKey() + ": ledger " + e.getValue().paidCents + ", records " + expected);
            }
            if (e.getValue().claims != count.getOrDefault(e.getKey(), 0L)) {
                throw new AssertionError("claims in effect of " + e.getKey() + ": ledger " + e.getValue().claims + ", records " + count.get(e.getKey()));
            }
            long byType = 0;
            for (long t : e.getValue().paidByType) {
                byType += t;
            }
            if (byType != expected) {
                throw new AssertionError("paid by type of " + e.getKey() + " sums to " + byType + ", not " + expected);
            }
            total += e.getValue().paidCents;
        }
        long expectedTotal = paid.values().stream().mapToLong(Long::longValue).sum();
        if (total != expectedTotal || s.effectiveClaimCount() != resolved.effective().size()) {
            throw new AssertionError("paid total " + total + " / " + s.effectiveClaimCount() + " claims; records give "
                    + expectedTotal + " / " + resolved.effective().size());
        }
        Contract contract = s.currentContract();
        if (contract == null) {
            return;
        }
        // 2. truncated spend = Σ min(member's yearly spend, cap)
        Long cap = null;
        for (var a : contract.arrangements()) {
            if (a instanceof SharedSavings ss && ss.truncation() != null) {
                cap = ss.truncation().cents();
            }
        }
        Map<Integer, Long> truncated = new HashMap<>();
        for (var e : memberYear.entrySet()) {
            int year = Integer.parseInt(e.getKey().substring(0, 4));
            truncated.merge(year, cap == null ? e.getValue() : Math.min(cap, e.getValue()), Long::sum);
        }
        for (var e : truncated.entrySet()) {
            if (s.truncatedSpend(e.getKey()) != e.getValue().longValue()) {
                throw new AssertionError("truncated spend " + e.getKey() + ": ledger " + s.truncatedSpend(e.getKey()) + ", records " + e.getValue());
            }
        }
        // 3. member-months = AttributionResolution over every record
        Period perf = contract.performancePeriod();
        long mm = AttributionResolution.resolve(List.copyOf(s.attributionRecords()), perf).memberMonthCount();
        long ledgerMm = 0;
        for (var e : s.months().subMap(YearMonth.from(perf.start()), true, YearMonth.from(perf.end()), true).values()) {
            ledgerMm += e.memberMonths;
        }
        if (mm != ledgerMm) {
            throw new AssertionError("member-months: ledger " + ledgerMm + ", records " + mm);
        }
        // 4. payouts: keys unique, Σ by year = paid so far; a closed year's payouts sum to its final total
        Set<String> keys = new HashSet<>();
        Map<String, Long> byYear = new HashMap<>();
        for (Payout p : s.payouts()) {
            if (!keys.add(p.key())) {
                throw new AssertionError("payout key twice: " + p.key());
            }
            if (!p.key().equals(Payout.key(p.contractId(), p.trigger(), p.periodId()))) {
                throw new AssertionError("payout key " + p.key() + " is not contract|trigger|period");
            }
            byYear.merge(p.performanceYear(), p.amount().cents(), Long::sum);
        }
        for (var e : byYear.entrySet()) {
            if (!s.paidSoFar(e.getKey()).equals(Money.ofCents(e.getValue()))) {
                throw new AssertionError("paid so far " + e.getKey() + ": ledger " + s.paidSoFar(e.getKey()) + ", payouts " + e.getValue());
            }
        }
        for (Statement st : s.statements()) {
            if (st.kind() == Statement.Kind.FINAL) {
                Money sum = Money.ofCents(byYear.getOrDefault(st.periodId(), 0L));
                if (!sum.equals(st.total())) {
                    throw new AssertionError("payouts of closed period " + st.periodId() + " sum to " + sum + ", final settlement is " + st.total());
                }
            }
        }
    }
}
