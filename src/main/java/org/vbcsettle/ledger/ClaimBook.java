package org.vbcsettle.ledger;

import org.vbcsettle.settlement.Claim;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * The claims of one ledger: every record in arrival order, the replacement chains, and what the claims in
 * effect add to the running totals (paid per month of service, each member's spend per calendar year and
 * its truncated sum). Replacing a claim moves its contribution, so a batch costs O(batch).
 *
 * <p>Chains are linear: the intake only accepts a replacement or void of the current head of a chain, so
 * "the claim in effect" is always the head.
 */
final class ClaimBook {

    /** Paid spend per member in one calendar year, and its truncated sum at the contract's cap. */
    static final class YearSpend {
        final HashMap<String, Long> byMember = new HashMap<>();
        long truncatedCents;
    }

    private final LinkedHashMap<String, LedgerClaim> claims = new LinkedHashMap<>();
    // claim id → id of the record that replaced it
    private final HashMap<String, String> replacedBy = new HashMap<>();
    private final HashMap<String, List<String>> claimIdsByMember = new HashMap<>();
    private long effectiveCount;
    private final HashMap<Integer, YearSpend> spendByYear = new HashMap<>();
    private LocalDate paidThrough;
    private LocalDate lastServiceDate;
    // the month totals are shared with the attribution, which adds the member-months
    private final NavigableMap<YearMonth, ContractState.MonthTotals> months;
    // MSSP-style per-member annual cap of the current terms, null when none
    private Long truncationCap;

    ClaimBook(NavigableMap<YearMonth, ContractState.MonthTotals> months) {
        this.months = months;
    }

    void add(LedgerClaim c) {
        claims.put(c.id(), c);
        claimIdsByMember.computeIfAbsent(c.memberId(), k -> new ArrayList<>(4)).add(c.id());
        if (c.paidDate() != null) {
            LocalDate paid = LocalDate.ofEpochDay(c.paidDate());
            if (paidThrough == null || paid.isAfter(paidThrough)) {
                paidThrough = paid;
            }
        }
        if (!c.isOriginal()) {
            LedgerClaim replaced = claims.get(c.replacesClaimId());
            replacedBy.put(replaced.id(), c.id());
            contribute(replaced, -1);
        }
        if (!c.isVoid()) {
            contribute(c, +1);
        }
    }

    private void contribute(LedgerClaim c, int sign) {
        LocalDate from = c.serviceFromDate();
        if (sign > 0 && (lastServiceDate == null || from.isAfter(lastServiceDate))) {
            lastServiceDate = from;
        }
        ContractState.MonthTotals m = months.computeIfAbsent(YearMonth.from(from), k -> new ContractState.MonthTotals());
        long amount = sign * c.paidCents();
        m.paidCents = Math.addExact(m.paidCents, amount);
        m.paidByType[c.type()] = Math.addExact(m.paidByType[c.type()], amount);
        m.claims += sign;
        effectiveCount += sign;
        YearSpend ys = spendByYear.computeIfAbsent(from.getYear(), k -> new YearSpend());
        long before = ys.byMember.getOrDefault(c.memberId(), 0L);
        long after = Math.addExact(before, amount);
        ys.byMember.put(c.memberId(), after);
        ys.truncatedCents += truncate(after) - truncate(before);
    }

    /** New terms may bring another truncation cap: the truncated sums are taken again at it. */
    void truncateAt(Long cap) {
        if (java.util.Objects.equals(cap, truncationCap)) {
            return;
        }
        truncationCap = cap;
        for (YearSpend ys : spendByYear.values()) {
            ys.truncatedCents = 0;
            for (long v : ys.byMember.values()) {
                ys.truncatedCents += truncate(v);
            }
        }
    }

    private long truncate(long memberSpend) {
        return truncationCap == null ? memberSpend : Math.min(memberSpend, truncationCap);
    }

    LedgerClaim get(String id) {
        return claims.get(id);
    }

    Collection<LedgerClaim> records() {
        return Collections.unmodifiableCollection(claims.values());
    }

    long effectiveCount() {
        return effectiveCount;
    }

    boolean outOfBounds() {
        return effectiveCount < 0 || effectiveCount > claims.size();
    }

    /** The claim id that replaced or voided {@code id}, or null while it is the head of its chain. */
    String replacedBy(String id) {
        return replacedBy.get(id);
    }

    Set<String> members() {
        return Collections.unmodifiableSet(claimIdsByMember.keySet());
    }

    List<String> idsOfMember(String memberId) {
        return claimIdsByMember.getOrDefault(memberId, List.of());
    }

    boolean isEffective(LedgerClaim c) {
        return !c.isVoid() && !replacedBy.containsKey(c.id());
    }

    List<Claim> effective() {
        List<Claim> out = new ArrayList<>((int) effectiveCount);
        for (LedgerClaim c : claims.values()) {
            if (isEffective(c)) {
                out.add(c.toEffectiveClaim());
            }
        }
        return out;
    }

    /**
     * The claims in effect as the ledger stood on {@code asOf} by paid date: only records paid on or before
     * it (a record without a paid date counts), each chain resolved to its latest such record, voids dropped.
     * A replacement paid after {@code asOf} therefore leaves the claim it replaces in effect, and a claim paid
     * after it is not there yet. For interim settlements, whose completion factor already estimates what is
     * not yet paid. O(records × chain length).
     */
    List<Claim> effectivePaidBy(LocalDate asOf) {
        int day = (int) asOf.toEpochDay();
        List<Claim> out = new ArrayList<>();
        for (LedgerClaim c : claims.values()) {
            if (c.isVoid() || !paidBy(c, day)) {
                continue;
            }
            boolean head = true;
            for (String next = replacedBy.get(c.id()); next != null; next = replacedBy.get(next)) {
                if (paidBy(claims.get(next), day)) {
                    head = false;
                    break;
                }
            }
            if (head) {
                out.add(c.toEffectiveClaim());
            }
        }
        return out;
    }

    private static boolean paidBy(LedgerClaim c, int epochDay) {
        return c.paidDate() == null || c.paidDate() <= epochDay;
    }

    LocalDate paidThrough() {
        return paidThrough;
    }

    LocalDate lastServiceDate() {
        return lastServiceDate;
    }

    long truncatedSpend(int year) {
        YearSpend ys = spendByYear.get(year);
        return ys == null ? 0L : ys.truncatedCents;
    }

    Map<Integer, YearSpend> spendByYear() {
        return spendByYear;
    }
}
