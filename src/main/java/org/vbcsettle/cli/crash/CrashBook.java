package org.vbcsettle.cli.crash;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the node has acknowledged (a 2xx reply received), contract by contract, and where the schedule
 * stands: the next step to send and the one sent but left unanswered by a kill. Only the harness's worker
 * thread writes it while a node runs; the checks read it after the worker has been joined.
 */
final class CrashBook {

    /** The acknowledged facts of one contract. */
    static final class Acked {
        final String id;
        boolean registered;
        long memberMonths;
        long claims;
        long cents;
        final Map<String, JsonNode> statements = new LinkedHashMap<>();
        final Map<String, Long> payouts = new LinkedHashMap<>();

        Acked(String id) {
            this.id = id;
        }
    }

    final List<Acked> contracts = new ArrayList<>();
    int contract;
    int step;
    /** The step sent and not answered when the node died, and its contract; null when none. */
    CrashSchedule.Step inFlight;
    int inFlightContract = -1;
    long batches;
    long claims;
    long statements;

    Acked current(String id) {
        while (contracts.size() <= contract) {
            contracts.add(new Acked(id));
        }
        return contracts.get(contract);
    }

    /** Records a 2xx reply to {@code step} of the current contract. */
    void acknowledge(CrashSchedule.Step step, JsonNode reply) {
        Acked a = contracts.get(contract);
        if (step instanceof CrashSchedule.Register) {
            a.registered = true;
        } else if (step instanceof CrashSchedule.Attribute at) {
            a.memberMonths = at.records();
        } else if (step instanceof CrashSchedule.Claims c) {
            a.claims += c.count();
            a.cents += c.cents();
            batches++;
            claims += c.count();
            payouts(a, reply.path("payoutsTriggered"));
        } else if (step instanceof CrashSchedule.Settle s) {
            a.statements.put(s.key(), reply.path("statement"));
            statements++;
            payouts(a, reply.path("triggerPayouts"));
            if (reply.hasNonNull("payout")) {
                payout(a, reply.get("payout"));
            }
        }
        inFlight = null;
        inFlightContract = -1;
    }

    private static void payouts(Acked a, JsonNode list) {
        for (JsonNode p : list) {
            payout(a, p);
        }
    }

    private static void payout(Acked a, JsonNode p) {
        a.payouts.put(p.path("key").asText(), p.path("amountCents").asLong());
    }

    /** The in-flight step of contract {@code n}, or null. */
    CrashSchedule.Step inFlightOf(int n) {
        return inFlightContract == n ? inFlight : null;
    }

    long payoutCount() {
        return contracts.stream().mapToLong(a -> a.payouts.size()).sum();
    }
}
