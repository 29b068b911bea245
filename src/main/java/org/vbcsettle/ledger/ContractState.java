package org.vbcsettle.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state of one contract's ledger, changed only by {@link #evolve(ContractEvent)}.
 *
 * <p>Mutable on purpose: a contract can hold millions of claims, and copying maps on every event would
 * make ingest quadratic. Running totals are kept incrementally per month of service (a claims batch costs
 * O(batch)); the records themselves are kept in arrival order for settlements and snapshots. Snapshots
 * go through {@link #toSnapshot()} (an immutable copy taken on the actor's thread), never this object.
 *
 * <p>The claims, their replacement chains and what they add to the totals are kept by {@link ClaimBook}.
 */
public final class ContractState implements CborSerializable {

    private final String contractId;
    // the entity's empty state: Akka keeps one instance and recovers into it again after every restart
    private final boolean template;
    private final NavigableMap<Integer, Contract> versions = new TreeMap<>();
    private long sequence;

    // per calendar month: paid claims in effect (from the claims) and member-months (from the attribution)
    private final TreeMap<YearMonth, MonthTotals> months = new TreeMap<>();
    private final ClaimBook claims = new ClaimBook(months);

    // attribution: records in arrival order; member|month → number of effective records for it
    private final LinkedHashMap<String, Attribution> attributions = new LinkedHashMap<>();
    private final Set<String> replacedAttributions = new HashSet<>();
    private final HashMap<String, Integer> memberMonthRecords = new HashMap<>();

    private final LinkedHashMap<String, QualityEvent> qualityEvents = new LinkedHashMap<>();

    private final LinkedHashMap<String, Statement> statements = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> statementYears = new LinkedHashMap<>();
    private final LinkedHashMap<String, Payout> payouts = new LinkedHashMap<>();
    private final HashMap<String, Long> paidByYear = new HashMap<>();
    // payer-reported facts by period id, the latest report of each (with the sequence number it got)
    private final LinkedHashMap<String, ContractSnapshot.FactsEntry> reportedFacts = new LinkedHashMap<>();

    // query-time figures that need the calculators, per period, reused while nothing changed (never persisted):
    // one map per sequence number, so that asking for one period does not evict the figures of another
    private transient long derivedSequence = -1;
    private transient HashMap<String, RunningTotals> derived;

    /** Totals of the claims in effect and the member-months of one calendar month. */
    static final class MonthTotals {
        long paidCents;
        final long[] paidByType = new long[Claim.ClaimType.values().length];
        long claims;
        long memberMonths;
    }

    public ContractState(String contractId) {
        this(contractId, false);
    }

    private ContractState(String contractId, boolean template) {
        this.contractId = contractId;
        this.template = template;
    }

    public static ContractState empty(String contractId) {
        return new ContractState(contractId);
    }

    /**
     * An empty state that refuses {@link #evolve}: the event-sourced behavior's empty state. Akka evaluates
     * the empty state once per entity and starts every recovery from that same instance, including the
     * recovery after a failed journal write; a mutable empty state would then still hold what the failed
     * incarnation applied, and the replay would apply every event a second time. The entity evolves
     * {@link #forEvolve()} instead, which is a fresh state when this is the template.
     */
    public static ContractState template(String contractId) {
        return new ContractState(contractId, true);
    }

    /** The state to apply the next event to: this one, or a fresh empty one in place of the template. */
    public ContractState forEvolve() {
        return template ? new ContractState(contractId) : this;
    }

    // ---------------------------------------------------------------- evolve

    public ContractState evolve(ContractEvent event) {
        if (template) {
            throw new IllegalStateException("the empty state of contract " + contractId + " is shared; evolve forEvolve() instead");
        }
        if (event instanceof ContractEvent.ContractRegistered e) {
            putVersion(e.contract());
        } else if (event instanceof ContractEvent.ContractAmended e) {
            putVersion(e.contract());
        } else if (event instanceof ContractEvent.ClaimsRecorded e) {
            e.claims().forEach(claims::add);
        } else if (event instanceof ContractEvent.MembersAttributed e) {
            for (Attribution a : e.attributions()) {
                addAttribution(a);
            }
        } else if (event instanceof ContractEvent.QualityEventsRecorded e) {
            for (QualityEvent q : e.events()) {
                qualityEvents.put(q.id(), q);
            }
        } else if (event instanceof ContractEvent.StatementIssued e) {
            String key = statementKey(e.statement().periodId(), e.statement().kind());
            statements.put(key, e.statement());
            statementYears.put(key, e.performanceYear());
        } else if (event instanceof ContractEvent.FactsReported e) {
            // the entry's sequence is the number this event gets (sequence counts the events applied)
            reportedFacts.put(e.periodId(), new ContractSnapshot.FactsEntry(e.periodId(), e.facts(), sequence + 1));
        } else if (event instanceof ContractEvent.PayoutTriggered e) {
            addPayout(e.payout());
        } else if (event instanceof ContractEvent.PayoutStatusChanged e) {
            Payout p = payouts.get(e.key());
            if (p == null) {
                throw new IllegalStateException("status change of unknown payout " + e.key());
            }
            payouts.put(e.key(), p.withStatus(e.status()));
        } else if (event instanceof ContractEvent.PayoutDisputed e) {
            Payout p = payouts.get(e.key());
            if (p == null || p.dispute() != null) {
                throw new IllegalStateException("dispute of payout " + e.key() + (p == null ? " that is unknown" : " disputed before"));
            }
            payouts.put(e.key(), p.withDispute(e.dispute()));
        } else {
            throw new IllegalStateException("unknown event " + event.getClass());
        }
        sequence++;
        assertCheapInvariants();
        return this;
    }

    private void putVersion(Contract c) {
        versions.put(c.versionOrDefault(), c);
        claims.truncateAt(truncationCapCents());
    }

    /** MSSP-style per-member annual cap of the current terms' shared-savings arrangement, if any. */
    private Long truncationCapCents() {
        for (var a : currentContract().arrangements()) {
            if (a instanceof SharedSavings ss && ss.truncation() != null) {
                return ss.truncation().cents();
            }
        }
        return null;
    }

    private void addAttribution(Attribution a) {
        attributions.put(a.id(), a);
        if (a.replacesId() != null && replacedAttributions.add(a.replacesId())) {
            Attribution old = attributions.get(a.replacesId());
            if (old != null && old.active()) {
                countMemberMonth(old, -1);
            }
        }
        if (a.active() && !replacedAttributions.contains(a.id())) {
            countMemberMonth(a, +1);
        }
    }

    private void countMemberMonth(Attribution a, int sign) {
        String key = a.memberId() + "|" + a.month();
        int before = memberMonthRecords.getOrDefault(key, 0);
        int after = before + sign;
        if (after == 0) {
            memberMonthRecords.remove(key);
        } else {
            memberMonthRecords.put(key, after);
        }
        if (before == 0 && after == 1) {
            months.computeIfAbsent(a.month(), k -> new MonthTotals()).memberMonths++;
        } else if (before == 1 && after == 0) {
            months.get(a.month()).memberMonths--;
        }
    }

    private void addPayout(Payout p) {
        if (payouts.containsKey(p.key())) {
            throw new IllegalStateException("payout " + p.key() + " triggered twice");
        }
        payouts.put(p.key(), p);
        paidByYear.merge(p.performanceYear(), p.amount().cents(), Math::addExact);
    }

    /** Bounds that must hold after every event; O(1). The full cross-check is {@link LedgerInvariants}. */
    private void assertCheapInvariants() {
        if (claims.outOfBounds()) {
            throw new IllegalStateException("claims in effect out of bounds: " + claims.effectiveCount() + " of " + claims.records().size());
        }
        if (payouts.size() < paidByYear.size()) {
            throw new IllegalStateException("payout totals out of step with payouts");
        }
    }

    // ---------------------------------------------------------------- queries

    public String contractId() {
        return contractId;
    }

    public long sequence() {
        return sequence;
    }

    public boolean isRegistered() {
        return !versions.isEmpty();
    }

    public Contract currentContract() {
        return versions.isEmpty() ? null : versions.lastEntry().getValue();
    }

    public Contract contractVersion(int version) {
        return versions.get(version);
    }

    public LedgerClaim claim(String id) {
        return claims.get(id);
    }

    public Collection<LedgerClaim> claimRecords() {
        return claims.records();
    }

    /** The claims with their chains, for the decider's intake and settlements (which only read it). */
    ClaimBook claimBook() {
        return claims;
    }

    public long effectiveClaimCount() {
        return claims.effectiveCount();
    }

    /** The claims in effect (heads of their chains, voids dropped), as originals for the calculators. */
    public List<Claim> effectiveClaims() {
        return claims.effective();
    }

    public LocalDate paidThrough() {
        return claims.paidThrough();
    }

    public LocalDate lastServiceDate() {
        return claims.lastServiceDate();
    }

    NavigableMap<YearMonth, MonthTotals> months() {
        return months;
    }

    Long truncatedSpend(int year) {
        return claims.truncatedSpend(year);
    }

    public Attribution attribution(String id) {
        return attributions.get(id);
    }

    public Collection<Attribution> attributionRecords() {
        return Collections.unmodifiableCollection(attributions.values());
    }

    public QualityEvent qualityEvent(String id) {
        return qualityEvents.get(id);
    }

    public Collection<QualityEvent> qualityEventRecords() {
        return Collections.unmodifiableCollection(qualityEvents.values());
    }

    public static String statementKey(String periodId, Statement.Kind kind) {
        return periodId + "|" + kind;
    }

    public Statement statement(String periodId, Statement.Kind kind) {
        return statements.get(statementKey(periodId, kind));
    }

    public List<Statement> statements() {
        return List.copyOf(statements.values());
    }

    /** Whether the performance period {@code year} has its final statement (it is closed). */
    public boolean isClosed(String performanceYear) {
        return statements.containsKey(statementKey(performanceYear, Statement.Kind.FINAL));
    }

    public Payout payout(String key) {
        return payouts.get(key);
    }

    public List<Payout> payouts() {
        return List.copyOf(payouts.values());
    }

    public Money paidSoFar(String performanceYear) {
        return Money.ofCents(paidByYear.getOrDefault(performanceYear, 0L));
    }

    /** Periods whose totals are kept per sequence number; beyond that the map starts over (bounded). */
    static final int DERIVED_PERIODS = 32;

    /** The totals of a period computed at the current sequence number, or null. */
    RunningTotals cachedDerived(String periodId) {
        return derivedSequence == sequence && derived != null ? derived.get(periodId) : null;
    }

    void cacheDerived(String periodId, RunningTotals value) {
        if (derivedSequence != sequence || derived == null || derived.size() >= DERIVED_PERIODS) {
            derived = new HashMap<>();
            derivedSequence = sequence;
        }
        derived.put(periodId, value);
    }

    // ---------------------------------------------------------------- reported facts

    /** The latest report of a period, or null. */
    ContractSnapshot.FactsEntry reportedFactsEntry(String periodId) {
        return reportedFacts.get(periodId);
    }

    /** The facts recorded for a period ({@link ReportedFacts#NONE} when none). */
    public ReportedFacts reportedFacts(String periodId) {
        ContractSnapshot.FactsEntry e = reportedFacts.get(periodId);
        return e == null ? ReportedFacts.NONE : e.facts();
    }

    // ---------------------------------------------------------------- snapshots

    /** Immutable copy of the records; totals are rebuilt from them on recovery. */
    @JsonValue
    public ContractSnapshot toSnapshot() {
        List<ContractSnapshot.StatementEntry> st = new ArrayList<>();
        statements.forEach((k, s) -> st.add(new ContractSnapshot.StatementEntry(s, statementYears.get(k))));
        return new ContractSnapshot(contractId, sequence, List.copyOf(versions.values()),
                List.copyOf(claims.records()), List.copyOf(attributions.values()), List.copyOf(qualityEvents.values()),
                st, List.copyOf(payouts.values()), List.copyOf(reportedFacts.values()));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ContractState fromSnapshot(ContractSnapshot s) {
        ContractState st = new ContractState(s.contractId());
        s.versions().forEach(st::putVersion);
        s.claims().forEach(st.claims::add);
        s.attributions().forEach(st::addAttribution);
        s.qualityEvents().forEach(q -> st.qualityEvents.put(q.id(), q));
        for (ContractSnapshot.StatementEntry e : s.statements()) {
            String key = statementKey(e.statement().periodId(), e.statement().kind());
            st.statements.put(key, e.statement());
            st.statementYears.put(key, e.performanceYear());
        }
        s.payouts().forEach(st::addPayout);
        s.reportedFacts().forEach(f -> st.reportedFacts.put(f.periodId(), f));
        st.sequence = s.sequence();
        return st;
    }

    /** Read-only views used by the invariant checks. */
    Map<Integer, ClaimBook.YearSpend> spendByYear() {
        return claims.spendByYear();
    }
}
