package org.vbcsettle.cli.crash;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After a restart, what the node says against what it had acknowledged: every acknowledged claim counted
 * exactly once (claim count and paid total), every acknowledged statement present once and identical, every
 * acknowledged payout present with its amount, no payout key twice. The step in flight at the kill may or
 * may not have been kept; either is allowed, never a half of it or twice.
 */
final class CrashCheck {

    private CrashCheck() {
    }

    /**
     * The problems found in contracts {@code from} onwards, one line each; empty when the node kept everything
     * it acknowledged.
     */
    static List<String> verify(CrashClient client, CrashBook book, int cycle, int from) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        for (int n = from; n < book.contracts.size(); n++) {
            CrashBook.Acked a = book.contracts.get(n);
            if (!a.registered) {
                continue;
            }
            String where = "cycle " + cycle + ", contract " + a.id + ": ";
            CrashSchedule.Step pending = book.inFlightOf(n);
            totals(client, a, pending, where, problems);
            statements(client, a, where, problems);
            payouts(client, a, where, problems);
        }
        return problems;
    }

    private static void totals(CrashClient client, CrashBook.Acked a, CrashSchedule.Step pending, String where,
                               List<String> problems) throws IOException, InterruptedException {
        CrashClient.Reply r = client.get("/v1/contracts/" + a.id + "/totals");
        if (!r.ok() || r.body() == null) {
            problems.add(where + "GET totals answered " + r.status() + ": " + r.text());
            return;
        }
        long count = r.body().path("claimCount").asLong(-1);
        long paid = r.body().path("paidClaims").asLong(-1);
        long memberMonths = r.body().path("memberMonths").asLong(-1);
        long extraCount = pending instanceof CrashSchedule.Claims c ? c.count() : 0;
        long extraCents = pending instanceof CrashSchedule.Claims c ? c.cents() : 0;
        boolean without = count == a.claims && paid == a.cents;
        boolean with = extraCount > 0 && count == a.claims + extraCount && paid == a.cents + extraCents;
        if (!without && !with) {
            String kind = count < a.claims ? "acknowledged claims lost" : "claims counted twice or in part";
            problems.add(where + kind + ": " + count + " claims paying " + paid + " cents, acknowledged " + a.claims
                    + " paying " + a.cents + (extraCount > 0 ? " (+" + extraCount + " in flight)" : ""));
        }
        long pendingMonths = pending instanceof CrashSchedule.Attribute at ? at.records() : 0;
        if (memberMonths != a.memberMonths && memberMonths != a.memberMonths + pendingMonths) {
            problems.add(where + "member-months " + memberMonths + ", acknowledged " + a.memberMonths);
        }
    }

    private static void statements(CrashClient client, CrashBook.Acked a, String where, List<String> problems)
            throws IOException, InterruptedException {
        CrashClient.Reply r = client.get("/v1/contracts/" + a.id + "/settlements");
        if (!r.ok() || r.body() == null) {
            problems.add(where + "GET settlements answered " + r.status() + ": " + r.text());
            return;
        }
        Map<String, List<JsonNode>> byKey = new HashMap<>();
        for (JsonNode s : r.body()) {
            byKey.computeIfAbsent(s.path("kind").asText() + " " + s.path("periodId").asText(), k -> new ArrayList<>()).add(s);
        }
        byKey.forEach((key, list) -> {
            if (list.size() > 1) {
                problems.add(where + list.size() + " statements " + key);
            }
        });
        a.statements.forEach((key, acked) -> {
            List<JsonNode> found = byKey.get(key);
            if (found == null) {
                problems.add(where + "acknowledged statement " + key + " lost");
            } else if (!found.get(0).equals(acked)) {
                problems.add(where + "statement " + key + " differs from the one acknowledged:\n  acknowledged " + acked
                        + "\n  now          " + found.get(0));
            }
        });
    }

    private static void payouts(CrashClient client, CrashBook.Acked a, String where, List<String> problems)
            throws IOException, InterruptedException {
        CrashClient.Reply r = client.get("/v1/contracts/" + a.id + "/payouts");
        if (!r.ok() || r.body() == null) {
            problems.add(where + "GET payouts answered " + r.status() + ": " + r.text());
            return;
        }
        Map<String, Long> now = new HashMap<>();
        for (JsonNode p : r.body()) {
            String key = p.path("key").asText();
            if (now.put(key, p.path("amountCents").asLong()) != null) {
                problems.add(where + "payout key " + key + " twice");
            }
        }
        a.payouts.forEach((key, cents) -> {
            Long found = now.get(key);
            if (found == null) {
                problems.add(where + "acknowledged payout " + key + " lost");
            } else if (!found.equals(cents)) {
                problems.add(where + "payout " + key + " is " + found + " cents, acknowledged " + cents);
            }
        });
    }
}
