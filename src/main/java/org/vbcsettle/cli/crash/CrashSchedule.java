package org.vbcsettle.cli.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the harness sends, contract after contract: register it, attribute its members for the year, then
 * one claims batch per month of service with an interim settlement after each quarter's third month and
 * the final settlement after December. Every step of contract {@code n} follows from the seed alone, so
 * the step that was in flight when the node was killed is resent byte for byte after the restart, as a
 * client retrying an unanswered request would.
 */
final class CrashSchedule {

    static final String PAYER = "crash-payer";
    static final int MEMBERS = 20;

    private static final String CONTRACT = """
            id: %s
            version: 1
            name: Crash test contract %s
            payer: crash-payer
            provider: crash-provider
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: shared-savings
                id: savings
                benchmark: {method: pmpm, baselinePmpm: "$1,010.00", trend: 0.045, trendYears: 2}
                minimumSavingsRate: {method: fixed, rate: 0.02}
                sharingRate: 0.50
                savingsCap: 0.10
            settlement:
              runOutMonths: 3
              interimSettlements: true
              withholdRate: 0.25
              completionFactors:
                - {monthsOfRunOut: 0, factor: 1.0}
            """;

    /** One request of the schedule. */
    sealed interface Step permits Register, Attribute, Claims, Settle {
    }

    record Register(String yaml) implements Step {
    }

    record Attribute(String json, int records) implements Step {
    }

    /** One NDJSON batch: {@code count} original claims paying {@code cents} in all. */
    record Claims(String ndjson, int count, long cents) implements Step {
    }

    record Settle(String json, String kind, String period) implements Step {
        String key() {
            return kind + " " + period;
        }
    }

    private final long seed;
    private final int claimsPerBatch;

    CrashSchedule(long seed, int claimsPerBatch) {
        this.seed = seed;
        this.claimsPerBatch = claimsPerBatch;
    }

    String contractId(int n) {
        return "crash-" + Long.toUnsignedString(seed, 36) + "-" + n;
    }

    List<Step> steps(int n) {
        String id = contractId(n);
        SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (n + 1)));
        List<Step> steps = new ArrayList<>();
        steps.add(new Register(CONTRACT.formatted(id, id)));
        steps.add(attribution(id));
        for (int month = 1; month <= 12; month++) {
            steps.add(claims(id, month, rng));
            if (month % 3 == 0 && month < 12) {
                int q = month / 3;
                String period = "2024-Q" + q;
                String asOf = "2024-%02d-28".formatted(month + 1);
                steps.add(new Settle("{\"period\":\"" + period + "\",\"kind\":\"interim\",\"asOf\":\"" + asOf + "\"}", "INTERIM", period));
            }
        }
        steps.add(new Settle("{\"kind\":\"final\",\"asOf\":\"2025-04-30\"}", "FINAL", "2024"));
        return steps;
    }

    private static Attribute attribution(String id) {
        StringBuilder a = new StringBuilder("[");
        for (int m = 0; m < MEMBERS; m++) {
            for (int month = 1; month <= 12; month++) {
                a.append(a.length() > 1 ? "," : "").append("{\"id\":\"").append(id).append("-a-").append(m).append('-').append(month)
                        .append("\",\"memberId\":\"m").append(m).append("\",\"month\":\"2024-").append("%02d".formatted(month))
                        .append("\",\"riskScore\":1.0}");
            }
        }
        return new Attribute(a.append(']').toString(), MEMBERS * 12);
    }

    /** Claims of one month of service: $20.00 to $180.00 each, paid the same month. */
    private Claims claims(String id, int month, SplittableRandom rng) {
        StringBuilder b = new StringBuilder();
        long cents = 0;
        String mm = "%02d".formatted(month);
        for (int i = 0; i < claimsPerBatch; i++) {
            long amount = rng.nextLong(2_000, 18_001);
            cents += amount;
            int day = 1 + rng.nextInt(15);
            b.append("{\"id\":\"").append(id).append("-c-").append(month).append('-').append(i)
                    .append("\",\"memberId\":\"m").append(rng.nextInt(MEMBERS))
                    .append("\",\"type\":\"professional\",\"serviceFrom\":\"2024-").append(mm).append('-').append("%02d".formatted(day))
                    .append("\",\"paidDate\":\"2024-").append(mm).append("-").append("%02d".formatted(day + 10))
                    .append("\",\"paidAmount\":").append(amount).append(",\"frequency\":1}\n");
        }
        return new Claims(b.toString(), claimsPerBatch, cents);
    }
}
