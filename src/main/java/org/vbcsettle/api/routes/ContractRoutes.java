package org.vbcsettle.api.routes;

import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.Location;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.ErrorHandling;
import org.vbcsettle.api.Problem;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.api.RouteSupport;
import org.vbcsettle.api.auth.Access;
import org.vbcsettle.api.auth.Caller;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Mappers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code /v1/contracts}: load (POST), list, read, amend (PUT) contract terms. Bodies are contract documents
 * in YAML ({@code application/yaml}) or JSON, validated like {@code vbc-settle validate}.
 */
public final class ContractRoutes extends RouteSupport {

    public ContractRoutes(ApiContext ctx) {
        super(ctx);
    }

    /** {@code /v1/contracts} */
    public Route collection(Caller caller) {
        return concat(
                get(() -> after(ctx.ledger().contracts(), all -> {
                    List<Contract> visible = new ArrayList<>();
                    for (Contract c : all) {
                        ctx.directory().remember(c);
                        if (Access.canRead(caller, new Access.Parties(c.payer(), c.provider()))) {
                            visible.add(c);
                        }
                    }
                    visible.sort(java.util.Comparator.comparing(Contract::id));
                    return ok(visible);
                })),
                post(() -> contractBody(null, contract -> {
                    if (!Access.canWrite(caller, new Access.Parties(contract.payer(), contract.provider()))) {
                        return problem(Problem.forbidden(caller.role().claim() + " '" + caller.party()
                                + "' may not load a contract whose payer is '" + contract.payer() + "'"));
                    }
                    return after(ctx.ledger().registerContract(contract), saved -> {
                        ctx.directory().remember(saved);
                        return respondWithHeader(Location.create("/v1/contracts/" + saved.id()),
                                () -> json(StatusCodes.CREATED, saved));
                    });
                })));
    }

    /** {@code /v1/contracts/{id}} */
    public Route item(Caller caller, String id) {
        return concat(
                get(() -> readable(caller, id, parties -> after(ctx.directory().contract(id), this::ok))),
                put(() -> writable(caller, id, current -> contractBody(id, amended -> {
                    if (!Objects.equals(current.payer(), amended.payer()) || !Objects.equals(current.provider(), amended.provider())) {
                        return problem(Problem.invalid("an amendment may not change the parties of a contract",
                                List.of(new RecordError("contract " + id, "payer/provider",
                                        "must stay " + current.payer() + " / " + current.provider()))));
                    }
                    return after(ctx.ledger().amendContract(amended), saved -> {
                        ctx.directory().remember(saved);
                        return ok(saved);
                    });
                }))));
    }

    /** Parses and validates a contract document; {@code pathId}, when given, must equal its id. */
    private Route contractBody(String pathId, java.util.function.Function<Contract, Route> inner) {
        return strictBody(entity -> {
            Contract c;
            try {
                c = parse(entity);
            } catch (Problem.Failure f) {
                return problem(f.problem());
            }
            String source = "contract " + (c.id() == null ? "(no id)" : c.id());
            List<RecordError> errors = new ArrayList<>();
            for (String message : ctx.contractCheck().validate(c, source)) {
                errors.add(asError(source, message));
            }
            if (pathId != null && c.id() != null && !pathId.equals(c.id())) {
                errors.add(new RecordError(source, "id", "must equal the id in the path, '" + pathId + "'"));
            }
            if (!errors.isEmpty()) {
                return problem(Problem.invalid("the contract document is not valid", errors));
            }
            return inner.apply(c);
        });
    }

    private static Contract parse(HttpEntity.Strict entity) {
        String media = entity.getContentType().mediaType().toString();
        boolean yaml = media.contains("yaml");
        if (!yaml && !isJson(entity.getContentType())) {
            throw unsupported(entity.getContentType(), "application/yaml or application/json").failure();
        }
        try {
            Contract c = (yaml ? Mappers.yaml() : Mappers.json()).readValue(entity.getData().toArray(), Contract.class);
            if (c == null) {
                throw Problem.badRequest("request body is empty; expected a contract document", List.of()).failure();
            }
            return c;
        } catch (JsonProcessingException e) {
            Problem p = ErrorHandling.problemFor(e);
            if (p.status() == 422) {
                RecordError first = p.errors().get(0);
                p = Problem.invalid(p.detail(), List.of(new RecordError("contract", first.field(), first.message())));
            }
            throw p.failure();
        } catch (IOException e) {
            throw Problem.badRequest("unreadable contract document: " + e.getMessage(), List.of()).failure();
        }
    }

    /** Validator messages read {@code source: path: message}; split the path out as the field. */
    static RecordError asError(String source, String message) {
        String m = message.startsWith(source + ": ") ? message.substring(source.length() + 2) : message;
        int colon = m.indexOf(": ");
        if (colon > 0 && !m.substring(0, colon).contains(" ")) {
            return new RecordError(source, m.substring(0, colon), m.substring(colon + 2));
        }
        return new RecordError(source, "(contract)", m);
    }

}
