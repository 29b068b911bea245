package org.vbcsettle.api.routes;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;

import static akka.http.javadsl.server.PathMatchers.segment;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.PayoutView;
import org.vbcsettle.api.Problem;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.api.RouteSupport;
import org.vbcsettle.api.auth.Access;
import org.vbcsettle.api.auth.Caller;
import org.vbcsettle.api.auth.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Payouts: {@code GET /v1/contracts/{id}/payouts?status=}, {@code GET /v1/payouts?status=} (every payout the
 * caller may see: the payer's payout file) and
 * {@code POST /v1/contracts/{id}/payouts/{key}/status} (approve, disburse, acknowledge).
 */
public final class PayoutRoutes extends RouteSupport {

    // nothing_due: a $0 payout, recorded so its trigger never fires again, with nothing to disburse
    static final Set<String> STATUSES = Set.of("triggered", "approved", "disbursed", "acknowledged", "nothing_due");
    /** The statuses a caller may move a payout to. */
    static final Set<String> TARGETS = Set.of("approved", "disbursed", "acknowledged");

    public PayoutRoutes(ApiContext ctx) {
        super(ctx);
    }

    public Route forContract(Caller caller, String id) {
        return pathPrefix("payouts", () -> concat(
                pathEnd(() -> get(() -> readable(caller, id, p -> status(s -> reply(StatusCodes.OK,
                        ctx.ledger().payouts(id, s)))))),
                path(segment().slash("status"), key -> post(() -> after(ctx.directory().parties(id), p ->
                        jsonBody(body -> {
                            JsonNode st = body.get("status");
                            String target = st != null && st.isTextual() ? st.asText().trim().toLowerCase(Locale.ROOT) : null;
                            if (!body.isObject() || target == null || !TARGETS.contains(target) || body.size() != 1) {
                                return problem(Problem.invalid("the status change is not valid", List.of(new RecordError(
                                        "payout " + key, "status", "must be one of approved, disbursed, acknowledged "
                                        + "(body {\"status\": \"acknowledged\"})"))));
                            }
                            if (!mayMove(caller, p, target)) {
                                return problem(Problem.forbidden(caller.role().claim() + " '" + caller.party() + "' may not mark payouts of contract '"
                                        + id + "' " + target + (target.equals("acknowledged")
                                        ? " (its provider '" + p.provider() + "' acknowledges receipt)"
                                        : " (its payer '" + p.payer() + "' approves and disburses)")));
                            }
                            return reply(StatusCodes.OK, ctx.ledger().changePayoutStatus(id, key, target));
                        }))))));
    }

    /** The payer approves and disburses; the provider acknowledges receipt; an admin may do either. */
    static boolean mayMove(Caller caller, Access.Parties p, String target) {
        if (caller.role() == Role.ADMIN) {
            return true;
        }
        if (target.equals("acknowledged")) {
            return caller.role() == Role.PROVIDER && Access.canRead(caller, p);
        }
        return caller.role() == Role.PAYER && Access.canWrite(caller, p);
    }

    /** With {@code Accept: text/csv}: the CSV payout file ({@link RemittanceRoutes#csv}). */
    public Route all(Caller caller, RemittanceRoutes files) {
        return get(() -> status(s -> optionalHeaderValueByName("Accept", accept -> accept.isPresent()
                && accept.get().toLowerCase(Locale.ROOT).contains("text/csv") ? files.csv(caller, s) : all(caller, s))));
    }

    private Route all(Caller caller, String s) {
        return after(ctx.ledger().payouts(null, s), list -> {
            List<PayoutView> visible = new ArrayList<>();
            List<String> ids = list.stream().map(PayoutView::contractId).distinct().toList();
            return visibleOf(caller, list, ids, 0, visible);
        });
    }

    /** Filters by access, looking up each contract's parties once (cached by the directory). */
    private Route visibleOf(Caller caller, List<PayoutView> list, List<String> ids, int i, List<PayoutView> out) {
        if (i == ids.size()) {
            return ok(out);
        }
        String contractId = ids.get(i);
        return after(ctx.directory().parties(contractId), parties -> {
            if (Access.canRead(caller, parties)) {
                for (PayoutView p : list) {
                    if (p.contractId().equals(contractId)) {
                        out.add(p);
                    }
                }
            }
            return visibleOf(caller, list, ids, i + 1, out);
        });
    }

    private Route status(java.util.function.Function<String, Route> inner) {
        return parameterOptional("status", (Optional<String> s) -> {
            if (s.isPresent() && !STATUSES.contains(s.get().toLowerCase(Locale.ROOT))) {
                return problem(Problem.invalid("unknown payout status", List.of(new RecordError("query", "status",
                        "must be one of triggered, approved, disbursed, acknowledged, nothing_due; was '" + s.get() + "'"))));
            }
            return inner.apply(s.map(x -> x.toLowerCase(Locale.ROOT)).orElse(null));
        });
    }
}
