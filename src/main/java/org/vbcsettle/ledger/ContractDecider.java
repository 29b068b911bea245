package org.vbcsettle.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SettlementTerms;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ContractSettlement;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.Statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what a command does to a contract's ledger: the events to persist (possibly none) and the
 * reply. Pure: reads the state, never changes it. Everything that must not be lost together (a batch and
 * the payouts it triggers; a statement and its payout) is returned as one list, persisted atomically.
 */
public final class ContractDecider {

    private static final Logger log = LoggerFactory.getLogger(ContractDecider.class);

    /** Largest batch of records one command may carry (bounds event size and reply time). */
    public static final int MAX_BATCH = 20_000;

    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    private ContractDecider() {
    }

    /** @param reply sent after the events are persisted (or at once when there are none) */
    public record Decision(List<ContractEvent> events, Object reply) {
        static Decision reply(Object reply) {
            return new Decision(List.of(), reply);
        }
    }

    public static Decision decide(ContractState state, ContractCommand command) {
        if (command instanceof ContractCommand.RegisterContract c) {
            return register(state, c.contract());
        } else if (command instanceof ContractCommand.AmendContract c) {
            return amend(state, c.contract());
        } else if (command instanceof ContractCommand.GetContract) {
            return Decision.reply(state.isRegistered()
                    ? new LedgerReplies.ContractReply(state.currentContract(), null)
                    : new LedgerReplies.ContractReply(null, notRegistered(state)));
        } else if (command instanceof ContractCommand.RecordClaims c) {
            return recordClaims(state, c.claims());
        } else if (command instanceof ContractCommand.AttributeMembers c) {
            return attribute(state, c.attributions());
        } else if (command instanceof ContractCommand.RecordQualityEvents c) {
            return recordQuality(state, c.events());
        } else if (command instanceof ContractCommand.GetTotals c) {
            if (!state.isRegistered()) {
                return Decision.reply(new LedgerReplies.TotalsReply(null, notRegistered(state)));
            }
            try {
                return Decision.reply(new LedgerReplies.TotalsReply(TotalsView.compute(state, c.periodId()), null));
            } catch (IllegalArgumentException e) {
                return Decision.reply(new LedgerReplies.TotalsReply(null, LedgerReplies.Refusal.invalid(e.getMessage())));
            }
        } else if (command instanceof ContractCommand.Settle c) {
            return settle(state, c);
        } else if (command instanceof ContractCommand.ReportFacts c) {
            return reportFacts(state, c.periodId(), c.facts());
        } else if (command instanceof ContractCommand.GetReportedFacts c) {
            return getReportedFacts(state, c.periodId());
        } else if (command instanceof ContractCommand.ChangePayoutStatus c) {
            return changePayoutStatus(state, c.payoutKey(), c.status());
        } else if (command instanceof ContractCommand.ListPayouts) {
            return Decision.reply(new LedgerReplies.PayoutsReply(state.payouts(), null));
        } else if (command instanceof ContractCommand.ListStatements) {
            return Decision.reply(new LedgerReplies.StatementsReply(state.statements(), null));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass());
    }

    private static LedgerReplies.Refusal notRegistered(ContractState state) {
        return notRegistered(state, "");
    }

    private static LedgerReplies.Refusal notRegistered(ContractState state, String what) {
        return LedgerReplies.Refusal.unknownContract("contract " + state.contractId() + " is not registered" + what);
    }

    // ---------------------------------------------------------------- terms

    private static String checkTerms(ContractState state, Contract c) {
        if (c == null) {
            return "contract terms are required";
        }
        if (!state.contractId().equals(c.id())) {
            return "contract id '" + c.id() + "' does not match the ledger's contract '" + state.contractId() + "'";
        }
        if (c.performanceStart() == null || c.performanceEnd() == null) {
            return "contract " + c.id() + ": performanceStart and performanceEnd are required";
        }
        if (c.performanceEnd().isBefore(c.performanceStart())) {
            return "contract " + c.id() + ": performanceEnd " + c.performanceEnd() + " is before performanceStart " + c.performanceStart();
        }
        if (c.arrangements() == null || c.arrangements().isEmpty()) {
            return "contract " + c.id() + ": at least one arrangement is required";
        }
        Set<String> ids = new HashSet<>();
        for (Arrangement a : c.arrangements()) {
            if (a == null || ClaimValidation.blank(a.id()) || !ids.add(a.id())) {
                return "contract " + c.id() + ": every arrangement needs a unique id, found " + (a == null ? "null" : a.id());
            }
        }
        if (c.version() != null && c.version() < 1) {
            return "contract " + c.id() + ": version must be 1 or more, was " + c.version();
        }
        return null;
    }

    private static Decision register(ContractState state, Contract c) {
        String error = checkTerms(state, c);
        if (error != null) {
            return Decision.reply(new LedgerReplies.ContractReply(null, LedgerReplies.Refusal.invalid(error)));
        }
        if (state.isRegistered()) {
            if (state.contractVersion(c.versionOrDefault()) != null && state.contractVersion(c.versionOrDefault()).equals(c)) {
                return Decision.reply(new LedgerReplies.ContractReply(state.currentContract(), null)); // resent
            }
            return Decision.reply(new LedgerReplies.ContractReply(null, LedgerReplies.Refusal.conflict("contract " + c.id() + " is already registered (version "
                    + state.currentContract().versionOrDefault() + "); amend it with a higher version instead")));
        }
        return new Decision(List.of(new ContractEvent.ContractRegistered(c)), new LedgerReplies.ContractReply(c, null));
    }

    private static Decision amend(ContractState state, Contract c) {
        if (!state.isRegistered()) {
            return Decision.reply(new LedgerReplies.ContractReply(null, notRegistered(state)));
        }
        String error = checkTerms(state, c);
        if (error != null) {
            return Decision.reply(new LedgerReplies.ContractReply(null, LedgerReplies.Refusal.invalid(error)));
        }
        int current = state.currentContract().versionOrDefault();
        if (c.versionOrDefault() == current && state.currentContract().equals(c)) {
            return Decision.reply(new LedgerReplies.ContractReply(c, null)); // resent
        }
        if (c.versionOrDefault() <= current) {
            return Decision.reply(new LedgerReplies.ContractReply(null, LedgerReplies.Refusal.conflict("contract " + c.id() + ": amendment version "
                    + c.versionOrDefault() + " must be higher than the current version " + current)));
        }
        return new Decision(List.of(new ContractEvent.ContractAmended(c)), new LedgerReplies.ContractReply(c, null));
    }

    // ---------------------------------------------------------------- claims

    private static Decision recordClaims(ContractState state, List<Claim> claims) {
        int n = claims == null ? 0 : claims.size();
        if (!state.isRegistered()) {
            return Decision.reply(LedgerReplies.BatchResult.refused(n, notRegistered(state, ": claims refused")));
        }
        if (n > MAX_BATCH) {
            return Decision.reply(LedgerReplies.BatchResult.refused(n, LedgerReplies.Refusal.invalid("batch of " + n + " claims is larger than the limit of " + MAX_BATCH)));
        }
        LinkedHashMap<String, LedgerClaim> accepted = new LinkedHashMap<>();
        Map<String, String> replacedInBatch = new HashMap<>();
        List<RecordError> errors = new ArrayList<>();
        int duplicate = 0;
        for (int i = 0; i < n; i++) {
            Claim c = claims.get(i);
            if (c == null) {
                errors.add(new RecordError(i, null, "claim", "is missing"));
                continue;
            }
            if (ClaimValidation.blank(c.id())) {
                errors.add(new RecordError(i, c.id(), "id", "is required (the claim's stable id)"));
                continue;
            }
            RecordError e = ClaimValidation.claimFields(i, c);
            LedgerClaim known = accepted.get(c.id());
            if (known == null) {
                known = state.claim(c.id());
            }
            if (known != null) {
                // a resend counts as duplicate only if it says the same thing; a field error is reported as such
                if (e == null) {
                    ResentRecords.Differences d = ResentRecords.claim(known, LedgerClaim.of(c));
                    if (d.none()) {
                        duplicate++;
                        continue;
                    }
                    e = new RecordError(i, c.id(), d.firstField(), "claim '" + c.id() + "' was already recorded with different content ("
                            + d.text() + "); send a replacement (frequency 7) naming " + latestOfChain(state, c.id(), replacedInBatch));
                }
                errors.add(e);
                continue;
            }
            if (e == null && c.frequency() != Claim.Frequency.ORIGINAL) {
                e = checkReplacement(state, i, c, accepted, replacedInBatch);
            }
            if (e != null) {
                errors.add(e);
                continue;
            }
            if (c.frequency() != Claim.Frequency.ORIGINAL) {
                replacedInBatch.put(c.replacesClaimId(), c.id());
            }
            accepted.put(c.id(), LedgerClaim.of(c));
        }
        List<ContractEvent> events = new ArrayList<>();
        List<Payout> payouts = new ArrayList<>();
        if (!accepted.isEmpty()) {
            events.add(new ContractEvent.ClaimsRecorded(new ArrayList<>(accepted.values())));
            Contract contract = state.currentContract();
            String year = contract.performancePeriod().id();
            if (Triggers.hasBundledPayment(contract) && !state.isClosed(year)) {
                payouts = episodeTriggers(state, contract, accepted, replacedInBatch);
                payouts.forEach(p -> events.add(new ContractEvent.PayoutTriggered(p)));
            }
        }
        return new Decision(events, new LedgerReplies.BatchResult(accepted.size(), duplicate, errors.size(), errors, payouts, null));
    }

    /** "it", or the claim that is now the head of the chain when {@code id} was already replaced. */
    private static String latestOfChain(ContractState state, String id, Map<String, String> replacedInBatch) {
        String head = id;
        for (int guard = 0; guard < 10_000; guard++) {
            String next = replacedInBatch.get(head);
            if (next == null) {
                next = state.replacedBy(head);
            }
            if (next == null) {
                break;
            }
            head = next;
        }
        return head.equals(id) ? "it" : "the latest claim of its chain, '" + head + "'";
    }

    private static RecordError checkReplacement(ContractState state, int i, Claim c, Map<String, LedgerClaim> accepted,
                                                Map<String, String> replacedInBatch) {
        String target = c.replacesClaimId();
        LedgerClaim t = accepted.get(target);
        if (t == null) {
            t = state.claim(target);
        }
        String what = c.frequency() == Claim.Frequency.VOID ? "void" : "replacement";
        if (t == null) {
            return new RecordError(i, c.id(), "replacesClaimId", what + " names unknown claim '" + target + "'");
        }
        if (t.isVoid()) {
            return new RecordError(i, c.id(), "replacesClaimId", "claim '" + target + "' is a void; a voided claim cannot be replaced");
        }
        String by = replacedInBatch.get(target);
        if (by == null) {
            by = state.replacedBy(target);
        }
        if (by != null) {
            return new RecordError(i, c.id(), "replacesClaimId", "claim '" + target + "' was already replaced by '" + by
                    + "'; a " + what + " must name the latest claim of the chain");
        }
        return null;
    }

    /** Episodes of the members this batch touched, on their claims in effect after the batch. */
    private static List<Payout> episodeTriggers(ContractState state, Contract contract, Map<String, LedgerClaim> accepted,
                                                Map<String, String> replacedInBatch) {
        Set<String> members = new LinkedHashSet<>();
        LocalDate paidThrough = state.paidThrough();
        for (LedgerClaim c : accepted.values()) {
            members.add(c.memberId());
            if (!c.isOriginal()) {
                LedgerClaim t = accepted.containsKey(c.replacesClaimId()) ? accepted.get(c.replacesClaimId()) : state.claim(c.replacesClaimId());
                members.add(t.memberId());
            }
            if (c.paidDate() != null) {
                LocalDate p = LocalDate.ofEpochDay(c.paidDate());
                paidThrough = paidThrough == null || p.isAfter(paidThrough) ? p : paidThrough;
            }
        }
        // Episodes also close as time passes (the paid-through date moves), whoever the batch is about: when
        // the paid-through date enters a later month, every member's episodes are looked at again.
        LocalDate before = state.paidThrough();
        if (paidThrough != null && (before == null || java.time.YearMonth.from(paidThrough).isAfter(java.time.YearMonth.from(before)))) {
            members.addAll(state.members());
        }
        List<Claim> claims = new ArrayList<>();
        for (String m : members) {
            for (String id : state.claimIdsOfMember(m)) {
                LedgerClaim c = state.claim(id);
                if (!c.isVoid() && state.replacedBy(id) == null && !replacedInBatch.containsKey(id)) {
                    claims.add(c.toEffectiveClaim());
                }
            }
        }
        for (LedgerClaim c : accepted.values()) {
            if (members.contains(c.memberId()) && !c.isVoid() && !replacedInBatch.containsKey(c.id())) {
                claims.add(c.toEffectiveClaim());
            }
        }
        List<Triggers.Met> met;
        try {
            met = Triggers.episodesClosedUnderTarget(contract, claims, paidThrough);
        } catch (RuntimeException e) {
            // the claims are kept; the benchmark is looked for again at the next batch and at settlement
            log.warn("contract {}: episode benchmarks not evaluated: {}", state.contractId(), e.toString());
            return new ArrayList<>();
        }
        return advances(state, contract, met, () -> afterClaims(state, accepted, replacedInBatch),
                state.attributionRecords(), state.qualityEventRecords(), lastServiceDate(state.lastServiceDate(), accepted),
                paidThrough);
    }

    private static List<Claim> afterClaims(ContractState state, Map<String, LedgerClaim> accepted, Map<String, String> replacedInBatch) {
        List<Claim> out = new ArrayList<>();
        for (LedgerClaim c : state.claimRecords()) {
            if (state.isEffective(c) && !replacedInBatch.containsKey(c.id())) {
                out.add(c.toEffectiveClaim());
            }
        }
        for (LedgerClaim c : accepted.values()) {
            if (!c.isVoid() && !replacedInBatch.containsKey(c.id())) {
                out.add(c.toEffectiveClaim());
            }
        }
        return out;
    }

    private static LocalDate lastServiceDate(LocalDate current, Map<String, LedgerClaim> accepted) {
        LocalDate d = current;
        for (LedgerClaim c : accepted.values()) {
            LocalDate x = c.serviceFromDate();
            d = d == null || x.isAfter(d) ? x : d;
        }
        return d;
    }

    /**
     * Payouts for benchmarks newly met: each advances what has been earned so far and not paid
     * ({@link PayoutRules#advance}); the projection is computed once, only when something is new.
     */
    private static List<Payout> advances(ContractState state, Contract contract, List<Triggers.Met> met,
                                         java.util.function.Supplier<List<Claim>> claimsAfter,
                                         Collection<Attribution> attribution, Collection<QualityEvent> quality,
                                         LocalDate lastService, LocalDate paidThrough) {
        String year = contract.performancePeriod().id();
        List<Triggers.Met> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Triggers.Met m : met) {
            String key = Payout.key(state.contractId(), m.trigger(), year);
            if (state.payout(key) == null && seen.add(key)) {
                fresh.add(m);
            }
        }
        List<Payout> out = new ArrayList<>();
        if (fresh.isEmpty()) {
            return out;
        }
        Money earned = null;
        String projectionNote = null;
        try {
            earned = PayoutRules.projected(contract, attribution, claimsAfter.get(), quality, lastService, paidThrough,
                    factsFor(state, year, null), state.sequence()).orElseThrow().total();
        } catch (RuntimeException e) {
            projectionNote = "projected settlement not available (" + e.getMessage() + "); nothing advanced now, the final settlement pays it";
        }
        Money paid = state.paidSoFar(year);
        for (Triggers.Met m : fresh) {
            Money amount;
            String reason;
            if (earned == null) {
                amount = Money.ZERO;
                reason = m.description() + "; " + projectionNote;
            } else {
                PayoutRules.Amount a = PayoutRules.advance("benchmark advance", earned,
                        contract.settlementOrDefault().withholdRateOrDefault(), paid);
                amount = a.amount();
                reason = m.description() + "; " + a.reason();
            }
            paid = paid.plus(amount);
            out.add(new Payout(Payout.key(state.contractId(), m.trigger(), year), state.contractId(), m.trigger(), year, year,
                    amount, reason, Payout.Status.initial(amount), state.sequence()));
        }
        return out;
    }

    // ---------------------------------------------------------------- attribution and quality

    private static Decision attribute(ContractState state, List<Attribution> records) {
        int n = records == null ? 0 : records.size();
        if (!state.isRegistered()) {
            return Decision.reply(LedgerReplies.BatchResult.refused(n, notRegistered(state, ": attribution refused")));
        }
        if (n > MAX_BATCH) {
            return Decision.reply(LedgerReplies.BatchResult.refused(n, LedgerReplies.Refusal.invalid("batch of " + n + " attribution records is larger than the limit of " + MAX_BATCH)));
        }
        LinkedHashMap<String, Attribution> accepted = new LinkedHashMap<>();
        List<RecordError> errors = new ArrayList<>();
        int duplicate = 0;
        for (int i = 0; i < n; i++) {
            Attribution a = records.get(i);
            if (a == null) {
                errors.add(new RecordError(i, null, "attribution", "is missing"));
                continue;
            }
            if (ClaimValidation.blank(a.id())) {
                errors.add(new RecordError(i, a.id(), "id", "is required (the record's stable id)"));
                continue;
            }
            RecordError e = ClaimValidation.attributionFields(i, a);
            Attribution known = accepted.get(a.id());
            if (known == null) {
                known = state.attribution(a.id());
            }
            if (known != null) {
                if (e == null) {
                    ResentRecords.Differences d = ResentRecords.attribution(known, a);
                    if (d.none()) {
                        duplicate++;
                        continue;
                    }
                    e = new RecordError(i, a.id(), d.firstField(), "attribution record '" + a.id() + "' was already recorded with different content ("
                            + d.text() + "); send a new record with replacesId naming it");
                }
                errors.add(e);
                continue;
            }
            if (e == null && a.replacesId() != null && state.attribution(a.replacesId()) == null && !accepted.containsKey(a.replacesId())) {
                e = new RecordError(i, a.id(), "replacesId", "names unknown attribution record '" + a.replacesId() + "'");
            }
            if (e != null) {
                errors.add(e);
                continue;
            }
            accepted.put(a.id(), a);
        }
        List<ContractEvent> events = new ArrayList<>();
        List<Payout> payouts = List.of();
        if (!accepted.isEmpty()) {
            events.add(new ContractEvent.MembersAttributed(new ArrayList<>(accepted.values())));
            List<Attribution> after = new ArrayList<>(state.attributionRecords());
            after.addAll(accepted.values());
            payouts = qualityTriggers(state, after, state.qualityEventRecords());
            payouts.forEach(p -> events.add(new ContractEvent.PayoutTriggered(p)));
        }
        return new Decision(events, new LedgerReplies.BatchResult(accepted.size(), duplicate, errors.size(), errors, payouts, null));
    }

    private static Decision recordQuality(ContractState state, List<QualityEvent> records) {
        int n = records == null ? 0 : records.size();
        if (!state.isRegistered()) {
            return Decision.reply(LedgerReplies.BatchResult.refused(n, notRegistered(state, ": quality events refused")));
        }
        if (n > MAX_BATCH) {
            return Decision.reply(LedgerReplies.BatchResult.refused(n, LedgerReplies.Refusal.invalid("batch of " + n + " quality events is larger than the limit of " + MAX_BATCH)));
        }
        Set<String> measures = new HashSet<>();
        for (Arrangement a : state.currentContract().arrangements()) {
            if (a instanceof QualityIncentive qi) {
                qi.measures().forEach(m -> measures.add(m.id()));
            }
        }
        LinkedHashMap<String, QualityEvent> accepted = new LinkedHashMap<>();
        List<RecordError> errors = new ArrayList<>();
        int duplicate = 0;
        for (int i = 0; i < n; i++) {
            QualityEvent q = records.get(i);
            if (q == null) {
                errors.add(new RecordError(i, null, "qualityEvent", "is missing"));
                continue;
            }
            if (ClaimValidation.blank(q.id())) {
                errors.add(new RecordError(i, q.id(), "id", "is required (the event's stable id)"));
                continue;
            }
            RecordError e = ClaimValidation.qualityFields(i, q);
            QualityEvent known = accepted.get(q.id());
            if (known == null) {
                known = state.qualityEvent(q.id());
            }
            if (known != null) {
                if (e == null) {
                    ResentRecords.Differences d = ResentRecords.quality(known, q);
                    if (d.none()) {
                        duplicate++;
                        continue;
                    }
                    e = new RecordError(i, q.id(), d.firstField(), "quality event '" + q.id() + "' was already recorded with different content ("
                            + d.text() + "); a recorded event is never changed: send the corrected status as an event with a new id");
                }
                errors.add(e);
                continue;
            }
            if (e == null && !measures.contains(q.measureId())) {
                e = new RecordError(i, q.id(), "measureId", "'" + q.measureId() + "' is not a measure of contract "
                        + state.contractId() + " (measures: " + new java.util.TreeSet<>(measures) + ")");
            }
            if (e != null) {
                errors.add(e);
                continue;
            }
            accepted.put(q.id(), q);
        }
        List<ContractEvent> events = new ArrayList<>();
        List<Payout> payouts = List.of();
        if (!accepted.isEmpty()) {
            events.add(new ContractEvent.QualityEventsRecorded(new ArrayList<>(accepted.values())));
            List<QualityEvent> after = new ArrayList<>(state.qualityEventRecords());
            after.addAll(accepted.values());
            payouts = qualityTriggers(state, state.attributionRecords(), after);
            payouts.forEach(p -> events.add(new ContractEvent.PayoutTriggered(p)));
        }
        return new Decision(events, new LedgerReplies.BatchResult(accepted.size(), duplicate, errors.size(), errors, payouts, null));
    }

    private static List<Payout> qualityTriggers(ContractState state, Collection<Attribution> attribution,
                                                Collection<QualityEvent> quality) {
        Contract contract = state.currentContract();
        if (!Triggers.hasQualityIncentive(contract) || quality.isEmpty() || state.isClosed(contract.performancePeriod().id())) {
            return List.of();
        }
        List<Triggers.Met> met;
        try {
            met = Triggers.qualityMeasuresMet(contract, attribution, quality);
        } catch (RuntimeException e) {
            log.warn("contract {}: quality benchmarks not evaluated: {}", state.contractId(), e.toString());
            return List.of();
        }
        return advances(state, contract, met, state::effectiveClaims, attribution, quality, state.lastServiceDate(),
                state.paidThrough());
    }

    // ---------------------------------------------------------------- settlement

    private static Decision settle(ContractState state, ContractCommand.Settle cmd) {
        if (!state.isRegistered()) {
            return settleError(notRegistered(state));
        }
        if (cmd.kind() == null || cmd.kind() == Statement.Kind.PROJECTED) {
            return settleError("settlement kind must be INTERIM (a quarter, e.g. 2024-Q1) or FINAL (the performance period, e.g. 2024); "
                    + "the projection is part of the running totals");
        }
        if (ClaimValidation.blank(cmd.periodId())) {
            return settleError("period is required");
        }
        if (cmd.asOf() == null) {
            return settleError("asOf (the settlement date) is required");
        }
        Contract contract = state.currentContract();
        Period perf = contract.performancePeriod();
        String year = perf.id();
        SettlementTerms terms = contract.settlementOrDefault();
        Statement existing = state.statement(cmd.periodId(), cmd.kind());
        String trigger = cmd.kind() == Statement.Kind.FINAL ? "settlement.final" : "settlement.interim";
        if (existing != null) {
            Payout p = state.payout(Payout.key(state.contractId(), trigger, cmd.periodId()));
            return Decision.reply(new LedgerReplies.SettlementReply(existing, p, List.of(), true, null));
        }
        Period period;
        java.math.BigDecimal completion;
        if (cmd.kind() == Statement.Kind.FINAL) {
            if (!cmd.periodId().equals(year)) {
                return settleError("a final settlement is for the performance period '" + year + "', not '" + cmd.periodId() + "'");
            }
            LocalDate earliest = perf.end().plusDays(1).plusMonths(terms.runOutMonthsOrDefault());
            if (cmd.asOf().isBefore(earliest)) {
                return settleError("final settlement of " + year + " needs " + terms.runOutMonthsOrDefault()
                        + " months of claims run-out after " + perf.end() + ": possible from " + earliest + ", asOf was " + cmd.asOf());
            }
            period = perf;
            completion = java.math.BigDecimal.ONE;
        } else {
            if (!QUARTER.matcher(cmd.periodId()).matches()) {
                return settleError("an interim settlement is for a quarter (e.g. " + perf.start().getYear() + "-Q1), not '" + cmd.periodId() + "'");
            }
            if (!Boolean.TRUE.equals(terms.interimSettlements() == null ? Boolean.TRUE : terms.interimSettlements())) {
                return settleError("contract " + state.contractId() + " has no interim settlements (settlement.interimSettlements is false)");
            }
            if (state.isClosed(year)) {
                return settleError(LedgerReplies.Refusal.conflict("performance period " + year + " is closed by its final settlement; no more interim settlements"));
            }
            Period q = Period.parse(cmd.periodId());
            if (q.end().isBefore(perf.start()) || q.start().isAfter(perf.end())) {
                return settleError("quarter " + cmd.periodId() + " is outside the performance period " + perf);
            }
            LocalDate qEnd = q.end().isAfter(perf.end()) ? perf.end() : q.end();
            if (!cmd.asOf().isAfter(qEnd)) {
                return settleError("quarter " + cmd.periodId() + " ends " + qEnd + "; it can be settled after that, asOf was " + cmd.asOf());
            }
            // year to date: the interim amount is what has been earned so far, net of what was paid
            period = new Period(cmd.periodId(), perf.start(), qEnd);
            completion = terms.completionFactorAt(PayoutRules.monthsOfRunOut(qEnd, cmd.asOf()));
        }
        List<ContractEvent> events = new ArrayList<>();
        List<Payout> triggerPayouts = new ArrayList<>();
        List<Claim> claims = state.effectiveClaims();
        if (cmd.kind() == Statement.Kind.INTERIM) {
            triggerPayouts = allTriggers(state, contract, claims);
            triggerPayouts.forEach(p -> events.add(new ContractEvent.PayoutTriggered(p)));
        }
        // an interim statement sees the claims paid by its settlement date only: its completion factor already
        // estimates the rest, counting later-paid claims too would count them twice. The final (after run-out)
        // takes every claim, and its true-up makes the period's payouts sum to it whatever the interims paid.
        List<Claim> statementClaims = cmd.kind() == Statement.Kind.INTERIM ? state.effectiveClaimsPaidBy(cmd.asOf()) : claims;
        Statement statement;
        try {
            SettlementInputs in = new SettlementInputs(period, List.copyOf(state.attributionRecords()), statementClaims,
                    List.copyOf(state.qualityEventRecords()), factsFor(state, cmd.periodId(), cmd.reported()), completion);
            statement = ContractSettlement.settle(contract, in, cmd.kind(), state.sequence()).orElseThrow();
        } catch (RuntimeException e) {
            return settleError("settlement of " + cmd.periodId() + " (" + cmd.kind() + ") failed: " + e.getMessage());
        }
        Money paid = state.paidSoFar(year);
        for (Payout p : triggerPayouts) {
            paid = paid.plus(p.amount());
        }
        PayoutRules.Amount amount = cmd.kind() == Statement.Kind.FINAL
                ? PayoutRules.trueUp(statement.total(), paid)
                : PayoutRules.advance("interim settlement " + cmd.periodId() + " (completion factor " + completion.toPlainString() + ")",
                statement.total(), terms.withholdRateOrDefault(), paid);
        Payout payout = new Payout(Payout.key(state.contractId(), trigger, cmd.periodId()), state.contractId(), trigger,
                cmd.periodId(), year, amount.amount(), amount.reason(), Payout.Status.initial(amount.amount()), state.sequence());
        events.add(new ContractEvent.StatementIssued(statement, year));
        events.add(new ContractEvent.PayoutTriggered(payout));
        return new Decision(events, new LedgerReplies.SettlementReply(statement, payout, triggerPayouts, false, null));
    }

    /** Every benchmark of the contract, looked for again before an interim settlement so none is missed. */
    private static List<Payout> allTriggers(ContractState state, Contract contract, List<Claim> claims) {
        List<Triggers.Met> met = new ArrayList<>();
        try {
            if (Triggers.hasQualityIncentive(contract) && !state.qualityEventRecords().isEmpty()) {
                met.addAll(Triggers.qualityMeasuresMet(contract, state.attributionRecords(), state.qualityEventRecords()));
            }
            if (Triggers.hasBundledPayment(contract)) {
                met.addAll(Triggers.episodesClosedUnderTarget(contract, claims, state.paidThrough()));
            }
        } catch (RuntimeException e) {
            log.warn("contract {}: benchmarks not evaluated: {}", state.contractId(), e.toString());
            return new ArrayList<>();
        }
        return advances(state, contract, met, () -> claims, state.attributionRecords(), state.qualityEventRecords(),
                state.lastServiceDate(), state.paidThrough());
    }

    private static Decision settleError(String message) {
        return settleError(LedgerReplies.Refusal.invalid(message));
    }

    private static Decision settleError(LedgerReplies.Refusal refusal) {
        return Decision.reply(new LedgerReplies.SettlementReply(null, null, List.of(), false, refusal));
    }

    // ---------------------------------------------------------------- reported facts

    /** The period's id as the ledger keys facts by, or an error message naming the field {@code period}. */
    private static String factsPeriod(ContractState state, String periodId, String[] error) {
        Period perf = state.currentContract().performancePeriod();
        if (ClaimValidation.blank(periodId) || periodId.equals(perf.id())) {
            return perf.id();
        }
        if (!QUARTER.matcher(periodId).matches()) {
            error[0] = "period: reported facts are for the performance period '" + perf.id() + "' or one of its quarters (e.g. "
                    + perf.start().getYear() + "-Q1), not '" + periodId + "'";
            return null;
        }
        Period q = Period.parse(periodId);
        if (q.end().isBefore(perf.start()) || q.start().isAfter(perf.end())) {
            error[0] = "period: quarter " + periodId + " is outside the performance period " + perf.start() + " to " + perf.end();
            return null;
        }
        return periodId;
    }

    private static LedgerReplies.FactsReply factsError(LedgerReplies.Refusal refusal) {
        return new LedgerReplies.FactsReply(null, null, 0, false, refusal);
    }

    private static Decision reportFacts(ContractState state, String periodId, ReportedFacts facts) {
        if (!state.isRegistered()) {
            return Decision.reply(factsError(notRegistered(state, ": reported facts refused")));
        }
        String[] error = new String[1];
        String id = factsPeriod(state, periodId, error);
        if (id == null) {
            return Decision.reply(factsError(LedgerReplies.Refusal.invalid(error[0])));
        }
        if (facts == null) {
            return Decision.reply(factsError(LedgerReplies.Refusal.invalid("facts: the reported facts are required")));
        }
        java.util.Map<String, String> problems = facts.problems();
        if (!problems.isEmpty()) {
            List<String> parts = new ArrayList<>();
            problems.forEach((f, m) -> parts.add(f + " " + m));
            return Decision.reply(factsError(LedgerReplies.Refusal.invalid("reported facts of " + state.contractId() + " " + id
                    + " are not valid: " + String.join("; ", parts))));
        }
        ContractSnapshot.FactsEntry current = state.reportedFactsEntry(id);
        if (current != null && sameFacts(current.facts(), facts)) {
            return Decision.reply(new LedgerReplies.FactsReply(id, current.facts(), current.sequence(), false, null)); // resent
        }
        String year = state.currentContract().performancePeriod().id();
        if (state.isClosed(year)) {
            // the final statement keeps the facts it used; changing them afterwards would change nothing
            return Decision.reply(factsError(LedgerReplies.Refusal.conflict("performance period " + year
                    + " is closed by its final settlement; its reported facts can no longer change")));
        }
        return new Decision(List.of(new ContractEvent.FactsReported(id, facts)),
                new LedgerReplies.FactsReply(id, facts, state.sequence() + 1, true, null));
    }

    private static Decision getReportedFacts(ContractState state, String periodId) {
        if (!state.isRegistered()) {
            return Decision.reply(factsError(notRegistered(state)));
        }
        String[] error = new String[1];
        String id = factsPeriod(state, periodId, error);
        if (id == null) {
            return Decision.reply(factsError(LedgerReplies.Refusal.invalid(error[0])));
        }
        ContractSnapshot.FactsEntry e = state.reportedFactsEntry(id);
        return Decision.reply(e == null
                ? new LedgerReplies.FactsReply(id, ReportedFacts.NONE, 0, false, null)
                : new LedgerReplies.FactsReply(id, e.facts(), e.sequence(), false, null));
    }

    /** Equal facts, numbers by value ({@code 0.9} = {@code 0.90}). */
    static boolean sameFacts(ReportedFacts a, ReportedFacts b) {
        return java.util.Objects.equals(a.assignedBeneficiaries(), b.assignedBeneficiaries())
                && sameNumber(a.qualityScore(), b.qualityScore())
                && java.util.Objects.equals(a.qualityStandardMet(), b.qualityStandardMet())
                && java.util.Objects.equals(a.alternativeStandardMet(), b.alternativeStandardMet())
                && java.util.Objects.equals(a.participantRevenue(), b.participantRevenue())
                && sameNumber(a.disasterShare(), b.disasterShare())
                && java.util.Objects.equals(a.lowRevenue(), b.lowRevenue())
                && sameNumber(a.compositeQualityScore(), b.compositeQualityScore())
                && java.util.Objects.equals(a.benchmarkOverride(), b.benchmarkOverride());
    }

    private static boolean sameNumber(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * The facts a settlement of {@code periodId} uses: those recorded for the period (for a quarter with none
     * of its own, those of the performance period), with every field given explicitly overriding them.
     */
    static ReportedFacts factsFor(ContractState state, String periodId, ReportedFacts explicit) {
        String year = state.currentContract().performancePeriod().id();
        ContractSnapshot.FactsEntry e = periodId == null ? null : state.reportedFactsEntry(periodId);
        if (e == null) {
            e = state.reportedFactsEntry(year);
        }
        ReportedFacts stored = e == null ? ReportedFacts.NONE : e.facts();
        return stored.overriddenBy(explicit);
    }

    // ---------------------------------------------------------------- payouts

    private static Decision changePayoutStatus(ContractState state, String key, Payout.Status status) {
        Payout p = key == null ? null : state.payout(key);
        if (p == null) {
            return Decision.reply(new LedgerReplies.PayoutReply(null, new LedgerReplies.Refusal(LedgerRejection.Reason.UNKNOWN_PAYOUT,
                    "contract " + state.contractId() + " has no payout '" + key + "'")));
        }
        if (status == null || status == Payout.Status.TRIGGERED || status == Payout.Status.NOTHING_DUE) {
            return Decision.reply(new LedgerReplies.PayoutReply(null, LedgerReplies.Refusal.invalid("payout " + key + ": status must be APPROVED, DISBURSED or ACKNOWLEDGED")));
        }
        if (p.status() == status) {
            return Decision.reply(new LedgerReplies.PayoutReply(p, null)); // repeated: no-op
        }
        if (p.status() == Payout.Status.NOTHING_DUE) {
            return Decision.reply(new LedgerReplies.PayoutReply(null, new LedgerReplies.Refusal(LedgerRejection.Reason.FORBIDDEN_TRANSITION,
                    "payout " + key + " is NOTHING_DUE (amount " + p.amount() + "): there is nothing to approve, disburse or acknowledge")));
        }
        if (p.status() != status.previous()) {
            return Decision.reply(new LedgerReplies.PayoutReply(null, new LedgerReplies.Refusal(LedgerRejection.Reason.FORBIDDEN_TRANSITION,
                    "payout " + key + " is " + p.status() + "; it must be " + status.previous() + " before it can be " + status)));
        }
        return new Decision(List.of(new ContractEvent.PayoutStatusChanged(key, status)),
                new LedgerReplies.PayoutReply(p.withStatus(status), null));
    }
}
