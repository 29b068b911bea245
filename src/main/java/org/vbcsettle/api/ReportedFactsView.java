package org.vbcsettle.api;

import org.vbcsettle.settlement.ReportedFacts;

/**
 * The payer-reported facts recorded for one period of a contract, as the API returns them.
 *
 * @param period   the performance period ({@code 2024}) or a quarter of it ({@code 2024-Q2})
 * @param facts    the facts in force (every field null: none reported)
 * @param sequence ledger event sequence number of the report in force (0: none); a later report replaces it
 */
public record ReportedFactsView(String contractId, String period, ReportedFacts facts, long sequence) {
}
