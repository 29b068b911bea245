package org.vbcsettle.api;

import org.junit.jupiter.api.Test;
import org.vbcsettle.ledger.LedgerRejection;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's reason code, never the wording of its message, decides the HTTP status. */
class LedgerAdapterTest {

    static int status(LedgerRejection.Reason reason, String message) {
        Throwable t = LedgerAdapter.translate(new CompletionException(new LedgerRejection("C1", reason, message)));
        assertThat(t).isInstanceOf(Problem.Failure.class);
        Problem p = ((Problem.Failure) t).problem();
        assertThat(p.detail()).isEqualTo(message);
        return p.status();
    }

    @Test
    void reasonCodesMapToStatuses() {
        assertThat(status(LedgerRejection.Reason.UNKNOWN_CONTRACT, "no such contract")).isEqualTo(404);
        assertThat(status(LedgerRejection.Reason.UNKNOWN_PAYOUT, "no such payout")).isEqualTo(404);
        assertThat(status(LedgerRejection.Reason.CONFLICT, "anything")).isEqualTo(409);
        assertThat(status(LedgerRejection.Reason.FORBIDDEN_TRANSITION, "anything")).isEqualTo(409);
        assertThat(status(LedgerRejection.Reason.INVALID, "anything")).isEqualTo(422);
    }

    @Test
    void theMessageTextNoLongerDecides() {
        // wordings the adapter used to match on, now with codes that say otherwise
        assertThat(status(LedgerRejection.Reason.INVALID, "contract X is not registered")).isEqualTo(422);
        assertThat(status(LedgerRejection.Reason.INVALID, "period 2024 is closed")).isEqualTo(422);
        assertThat(status(LedgerRejection.Reason.CONFLICT, "some new wording")).isEqualTo(409);
        assertThat(status(LedgerRejection.Reason.UNKNOWN_CONTRACT, "some new wording")).isEqualTo(404);
    }
}
