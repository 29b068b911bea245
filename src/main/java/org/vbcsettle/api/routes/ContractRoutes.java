package org.vbcsettle.api.routes;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.Location;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.ErrorHandling;
import org.vbcsettle.api.Problem;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.api.RouteSupport;
import org.vbcsettle.api.auth.Access;
import org.vbcsettle.api.auth.Caller;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractLoader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code /v1/contracts}: load (POST), list, read, amend (PUT) contract terms. Bodies are contract documents
 * in YAML ({@code application/yaml}) or JSON, loaded and validated like {@code vbc-settle validate}.
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

    /**
     * Parses and validates a contract document with {@link ContractLoader} (every problem by field path, the
     * same checks as {@code vbc-settle validate}); {@code pathId}, when given, must equal its id.
     */
    private Route contractBody(String pathId, java.util.function.Function<Contract, Route> inner) {
        return strictBody(entity -> {
            String media = entity.getContentType().mediaType().toString();
            boolean yaml = media.contains("yaml");
            if (!yaml && !isJson(entity.getContentType())) {
                return problem(unsupported(entity.getContentType(), "application/yaml or application/json"));
            }
            String text = entity.getData().decodeString(StandardCharsets.UTF_8);
            ContractLoader.Format format = yaml ? ContractLoader.Format.YAML : ContractLoader.Format.JSON;
            JsonNode tree;
            try {
                tree = ContractLoader.readTree(text, format);
            } catch (JsonProcessingException e) {
                return problem(ErrorHandling.problemFor(e));
            }
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return problem(Problem.badRequest("request body is empty; expected a contract document", List.of()));
            }
            JsonNode idNode = tree.path("id");
            String source = "contract " + (idNode.isTextual() ? idNode.asText() : "(no id)");
            ContractLoader.Result r = ContractLoader.parse(tree, source, format);
            List<RecordError> errors = new ArrayList<>();
            for (String message : r.errors()) {
                errors.add(asError(source, message));
            }
            if (pathId != null && idNode.isTextual() && !pathId.equals(idNode.asText())) {
                errors.add(new RecordError(source, "id", "must equal the id in the path, '" + pathId + "'"));
            }
            if (!errors.isEmpty()) {
                return problem(Problem.invalid("the contract document is not valid", errors));
            }
            return inner.apply(r.contract());
        });
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
