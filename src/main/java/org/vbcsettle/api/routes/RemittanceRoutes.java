package org.vbcsettle.api.routes;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.Route;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.PayoutView;
import org.vbcsettle.api.Problem;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.api.RouteSupport;
import org.vbcsettle.api.auth.Access;
import org.vbcsettle.api.auth.Caller;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.ingest.x12.Edi835Reader;
import org.vbcsettle.ingest.x12.Edi835Writer;
import org.vbcsettle.ingest.x12.Remittance;
import org.vbcsettle.ingest.x12.RemittanceCheck;
import org.vbcsettle.ingest.x12.X12;
import org.vbcsettle.ingest.x12.X12Exception;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Money in the industry's formats: {@code GET /v1/payouts.835?status=} (the payer's X12 835 of approved or
 * disbursed payouts, one advice per contract, for the contracts the caller may read), the CSV payout file
 * ({@code GET /v1/payouts} with {@code Accept: text/csv}), and the provider's remittance check
 * {@code POST /v1/contracts/{id}/remittances?acknowledge=true|false&dispute=true|false} (body: the 835 received).
 * With {@code dispute=true} each short-paid disbursed payout gets the provider's dispute (one per payout: the
 * same 835 again opens none).
 */
public final class RemittanceRoutes extends RouteSupport {
    static final Set<String> PAYABLE = Set.of("approved", "disbursed");

    public RemittanceRoutes(ApiContext ctx) {
        super(ctx);
    }

    /** {@code /v1/payouts.835}. */
    public Route edi835(Caller caller) {
        return path("payouts.835", () -> get(() -> parameterOptional("status", (Optional<String> s) -> {
            String status = s.map(x -> x.toLowerCase(Locale.ROOT)).orElse(null);
            if (status != null && !PAYABLE.contains(status)) {
                return problem(Problem.invalid("an 835 carries approved or disbursed payouts", List.of(new RecordError("query", "status",
                        "must be approved or disbursed (absent: both); was '" + s.get() + "'"))));
            }
            return after(payable(caller, status), byContract -> {
                List<RecordError> noPayee = new ArrayList<>();
                List<Remittance> advices = new ArrayList<>();
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                byContract.forEach((c, payouts) -> {
                    if (c.payee() == null) {
                        noPayee.add(new RecordError("contract " + c.id(), "payee", "is required for an 835 (name, tin, npi)"));
                        return;
                    }
                    List<Remittance.Payment> lines = payouts.stream().map(p -> new Remittance.Payment(p.key(), p.amountCents(),
                            Period.parse(p.periodId()).end())).toList();
                    String trace = X12.reference(c.id() + "|" + String.join(",", payouts.stream().map(PayoutView::key).toList()));
                    advices.add(Remittance.of(c.payer(), X12.text(c.payer()).toUpperCase(Locale.ROOT).replace(" ", "").substring(0,
                                    Math.min(15, X12.text(c.payer()).replace(" ", "").length())), c.payee().name(), c.payee().npi(),
                            c.payee().tinDigits(), "ACH", today, trace, lines));
                });
                if (!noPayee.isEmpty()) {
                    return problem(Problem.invalid("payouts of contracts without payee identity cannot go on an 835", noPayee));
                }
                long control = System.currentTimeMillis() / 1000 % 999_999_999L + 1;
                String edi = Edi835Writer.write(advices, "VBCSETTLE", "PAYEES", control, LocalDateTime.now(ZoneOffset.UTC));
                return complete(HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(
                        ContentTypes.create(MediaTypes.applicationWithOpenCharset("edi-x12"), akka.http.javadsl.model.HttpCharsets.UTF_8), edi)));
            });
        })));
    }

    /**
     * The CSV payout file: one row per payout the caller may see, with payee identity, the 835 reference and the
     * provider's dispute (short amount and remittance trace; empty when none).
     */
    public Route csv(Caller caller, String status) {
        return after(visible(caller, status), byContract -> {
            StringBuilder b = new StringBuilder("key,contractId,trigger,periodId,amountCents,amount,reason,status,payeeName,payeeTin,payeeNpi,x12Reference,"
                + "disputeShortCents,disputeTrace\n");
            byContract.forEach((c, payouts) -> {
                for (PayoutView p : payouts) {
                    b.append(String.join(",", cell(p.key()), cell(p.contractId()), cell(p.trigger()), cell(p.periodId()),
                            String.valueOf(p.amountCents()), X12.amount(p.amountCents()), cell(p.reason()), cell(p.status()),
                            cell(c.payee() == null ? "" : c.payee().name()), cell(c.payee() == null ? "" : c.payee().tinDigits()),
                            cell(c.payee() == null ? "" : c.payee().npi()), cell(X12.reference(p.key())),
                            p.dispute() == null ? "" : String.valueOf(p.dispute().shortCents()),
                            cell(p.dispute() == null ? "" : p.dispute().traceNumber()))).append('\n');
                }
            });
            return complete(HttpResponse.create().withStatus(StatusCodes.OK)
                    .withEntity(HttpEntities.create(ContentTypes.TEXT_CSV_UTF8, b.toString())));
        });
    }

    /** {@code /v1/contracts/{id}/remittances}: the provider checks an 835 it received. */
    public Route forContract(Caller caller, String id) {
        return path("remittances", () -> post(() -> requestId(rid -> readable(caller, id, parties -> parameterOptional("acknowledge", ack ->
                parameterOptional("dispute", disp -> {
            boolean acknowledge = ack.map(Boolean::parseBoolean).orElse(false);
            boolean dispute = disp.map(Boolean::parseBoolean).orElse(false);
            if (acknowledge && !(caller.role() == Role.ADMIN || caller.role() == Role.PROVIDER)) {
                return problem(Problem.forbidden(caller.role().claim() + " '" + caller.party() + "' may not acknowledge payouts of contract '"
                        + id + "' (its provider '" + parties.provider() + "' acknowledges receipt)"));
            }
            if (dispute && !(caller.role() == Role.ADMIN || caller.role() == Role.PROVIDER)) {
                return problem(Problem.forbidden(caller.role().claim() + " '" + caller.party() + "' may not dispute payouts of contract '"
                        + id + "' (its provider '" + parties.provider() + "' disputes what it was paid)"));
            }
            return strictBody(entity -> after(ctx.directory().contract(id), contract -> {
                List<Remittance> advices;
                try {
                    advices = Edi835Reader.read(entity.getData().decodeString(StandardCharsets.UTF_8));
                } catch (X12Exception e) {
                    return problem(Problem.invalid("the 835 cannot be read", e.errors().stream()
                            .map(m -> new RecordError("835", "(interchange)", m)).toList()));
                }
                String npi = contract.payee() == null ? null : contract.payee().npi();
                List<Remittance> ours = advices.stream().filter(r -> npi == null || npi.equals(r.payeeNpi())).toList();
                return after(ctx.ledger().payouts(id, null), payouts -> {
                    List<RemittanceCheck.Expected> expected = payouts.stream().map(p -> new RemittanceCheck.Expected(p.key(), p.contractId(),
                            p.periodId(), p.amountCents(), p.status())).toList();
                    List<RemittanceCheck.Finding> findings = RemittanceCheck.check(ours, expected, id);
                    CompletionStage<List<String>> acked = CompletableFuture.completedFuture(new ArrayList<>());
                    if (acknowledge) {
                        for (RemittanceCheck.Finding f : findings) {
                            PayoutView p = payouts.stream().filter(x -> x.key().equals(f.key())).findFirst().orElse(null);
                            if (f.outcome() == RemittanceCheck.Outcome.MATCHED && p != null && p.status().equals("disbursed")) {
                                acked = acked.thenCompose(l -> ctx.ledger().changePayoutStatus(id, f.key(), "acknowledged")
                                        .thenApply(v -> {
                                            l.add(f.key());
                                            return l;
                                        }));
                            }
                        }
                    }
                    CompletionStage<List<Map<String, Object>>> disputed = CompletableFuture.completedFuture(new ArrayList<>());
                    if (dispute) {
                        for (RemittanceCheck.Finding f : findings) {
                            if (f.outcome() != RemittanceCheck.Outcome.SHORT_PAID) {
                                continue;
                            }
                            PayoutView before = payouts.stream().filter(x -> x.key().equals(f.key())).findFirst().orElse(null);
                            disputed = disputed.thenCompose(l -> ctx.ledger().disputePayout(id, f.key(), f.remittedCents(), shortReason(f),
                                    f.traceNumber(), rid).handle((p, t) -> {
                                l.add(disputeView(f, before, p, t));
                                return l;
                            }));
                        }
                    }
                    return after(acked.thenCombine(disputed, (keys, disputes) -> Map.of("acknowledged", keys, "disputes", disputes)), both -> {
                        Object keys = both.get("acknowledged");
                        Map<String, Object> reply = new LinkedHashMap<>();
                        reply.put("contractId", id);
                        reply.put("advices", ours.size());
                        reply.put("balanced", ours.stream().allMatch(Remittance::balanced));
                        Map<String, Long> counts = new TreeMap<>();
                        findings.forEach(f -> counts.merge(f.outcome().code(), 1L, Long::sum));
                        reply.put("counts", counts);
                        reply.put("findings", findings.stream().map(RemittanceRoutes::view).toList());
                        reply.put("acknowledged", keys);
                        reply.put("disputes", both.get("disputes"));
                        return json(StatusCodes.OK, reply);
                    });
                });
            }));
        }))))));
    }

    private static String shortReason(RemittanceCheck.Finding f) {
        return "short-paid: remittance " + f.traceNumber() + " paid " + X12.amount(f.remittedCents()) + " of " + X12.amount(f.expectedCents());
    }

    /**
     * One short-paid finding's dispute: {@code opened} (new now), {@code already-open} (this remittance disputed it
     * before) or {@code refused} (with the ledger's reason, e.g. the payout is not disbursed).
     */
    private static Map<String, Object> disputeView(RemittanceCheck.Finding f, PayoutView before, PayoutView after, Throwable failed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payoutKey", f.key());
        if (failed != null) {
            Problem p = org.vbcsettle.api.ErrorHandling.problemFor(failed);
            m.put("outcome", "refused");
            m.put("status", p.status());
            m.put("detail", p.detail());
            return m;
        }
        m.put("outcome", before != null && before.dispute() != null ? "already-open" : "opened");
        m.put("dispute", after.dispute());
        return m;
    }

    private static Map<String, Object> view(RemittanceCheck.Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", f.outcome().code());
        m.put("contractId", f.contractId());
        m.put("periodId", f.periodId());
        m.put("payoutKey", f.key());
        m.put("expectedCents", f.expectedCents());
        m.put("remittedCents", f.remittedCents());
        m.put("differenceCents", f.differenceCents());
        m.put("reference", f.reference());
        m.put("traceNumber", f.traceNumber());
        return m;
    }

    private CompletionStage<Map<Contract, List<PayoutView>>> payable(Caller caller, String status) {
        return visible(caller, status).thenApply(all -> {
            Map<Contract, List<PayoutView>> out = new LinkedHashMap<>();
            all.forEach((c, list) -> {
                List<PayoutView> keep = list.stream().filter(p -> status == null ? PAYABLE.contains(p.status()) : p.status().equals(status)).toList();
                if (!keep.isEmpty()) {
                    out.put(c, keep);
                }
            });
            return out;
        });
    }

    /** The payouts the caller may read, by contract (in contract id order). */
    private CompletionStage<Map<Contract, List<PayoutView>>> visible(Caller caller, String status) {
        return ctx.ledger().payouts(null, status).thenCompose(list -> ctx.ledger().contracts().thenApply(contracts -> {
            Map<Contract, List<PayoutView>> out = new LinkedHashMap<>();
            contracts.stream().sorted(java.util.Comparator.comparing(Contract::id)).forEach(c -> {
                if (!Access.canRead(caller, new Access.Parties(c.payer(), c.provider()))) {
                    return;
                }
                List<PayoutView> mine = list.stream().filter(p -> p.contractId().equals(c.id())).toList();
                if (!mine.isEmpty()) {
                    out.put(c, mine);
                }
            });
            return out;
        }));
    }

    private static String cell(String v) {
        if (v == null) {
            return "";
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
