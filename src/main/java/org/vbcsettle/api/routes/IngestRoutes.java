package org.vbcsettle.api.routes;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.Route;
import akka.stream.javadsl.Framing;
import akka.stream.javadsl.FramingTruncation;
import akka.util.ByteString;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.BatchResult;
import org.vbcsettle.api.Problem;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.api.RouteSupport;
import org.vbcsettle.api.auth.Caller;
import org.vbcsettle.api.wire.Parsed;
import org.vbcsettle.api.wire.WireReader;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.ingest.AttributionFormat;
import org.vbcsettle.ingest.ClaimFormat;
import org.vbcsettle.ingest.QualityEventFormat;
import org.vbcsettle.ingest.RecordReader;
import org.vbcsettle.ingest.RecordType;
import org.vbcsettle.settlement.Claim;
import scala.concurrent.duration.FiniteDuration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Input data of a contract: {@code attribution}, {@code claims} and {@code quality-events}.
 *
 * <p>A JSON array is one batch, all or nothing: if any record is invalid the reply is 422 listing every
 * error and nothing is stored. Claims may also be streamed as NDJSON ({@code application/x-ndjson}), for
 * files too large for one request: the body is framed by line, each line parsed alone, valid records sent
 * to the ledger in batches of {@code vbc.http.ndjson-batch-size} one batch at a time (so memory stays
 * constant and a slow ledger slows the upload through TCP backpressure), and invalid lines reported by
 * line number while the rest go in. Either way a resent id is counted as a duplicate and changes nothing.
 */
public final class IngestRoutes extends RouteSupport {

    public IngestRoutes(ApiContext ctx) {
        super(ctx);
    }

    public Route routes(Caller caller, String id) {
        return requestId(rid -> concat(
                path("attribution", () -> post(() -> writable(caller, id, c -> jsonBatch("attribution", c,
                        AttributionFormat.INSTANCE, (contractId, list) -> ctx.ledger().attribute(contractId, list, rid))))),
                path("quality-events", () -> post(() -> writable(caller, id, c -> jsonBatch("quality-events", c,
                        QualityEventFormat.INSTANCE, (contractId, list) -> ctx.ledger().recordQualityEvents(contractId, list, rid))))),
                path("claims", () -> post(() -> writable(caller, id, c -> extractRequest(req -> {
                    if (req.entity().getContentType().mediaType().toString().equals("application/x-ndjson")) {
                        return ndjsonClaims(c, rid);
                    }
                    return jsonBatch("claims", c, ClaimFormat.INSTANCE, (contractId, list) -> ctx.ledger().recordClaims(contractId, list, rid));
                }))))));
    }

    private <T> Route jsonBatch(String kind, Contract contract, RecordType<T> type,
                                BiFunction<String, List<T>, CompletionStage<BatchResult>> send) {
        return jsonBody(body -> {
            if (!body.isArray()) {
                return problem(Problem.badRequest("request body must be a JSON array of " + kind + " records, was "
                        + body.getNodeType().name().toLowerCase(), List.of()));
            }
            WireReader reader = new WireReader(contract);
            List<T> valid = new ArrayList<>(body.size());
            List<RecordError> errors = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                JsonNode n = body.get(i);
                Parsed<T> p = reader.read(type, n, WireReader.label(kind, "[" + i + "]", n));
                if (p.ok()) {
                    valid.add(p.value());
                } else {
                    errors.addAll(p.errors());
                }
            }
            if (!errors.isEmpty()) {
                List<RecordError> listed = errors.size() > BatchResult.MAX_ERRORS_LISTED
                        ? errors.subList(0, BatchResult.MAX_ERRORS_LISTED) : errors;
                return problem(Problem.invalid(errors.size() + " error(s) in " + kind + "; nothing was stored", listed));
            }
            return after(inBatches(ctx.settings().ndjsonBatchSize(), contract.id(), valid, send), r -> json(StatusCodes.OK, r));
        });
    }

    /** Sends records in ledger-sized batches, one after the other (every intake route's one way to do it). */
    static <T> CompletionStage<BatchResult> inBatches(int size, String contractId, List<T> records,
                                                      BiFunction<String, List<T>, CompletionStage<BatchResult>> send) {
        CompletionStage<BatchResult> acc = CompletableFuture.completedFuture(BatchResult.EMPTY);
        for (int from = 0; from < records.size(); from += size) {
            List<T> chunk = List.copyOf(records.subList(from, Math.min(records.size(), from + size)));
            acc = acc.thenCompose(sofar -> send.apply(contractId, chunk).thenApply(sofar::plus));
        }
        return acc;
    }

    private Route ndjsonClaims(Contract contract, String requestId) {
        FiniteDuration timeout = FiniteDuration.create(ctx.settings().streamingTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return withRequestTimeout(timeout, () -> withSizeLimit(ctx.settings().maxNdjsonBytes(), () ->
                extractDataBytes(bytes -> extractMaterializer(mat -> {
                    WireReader reader = new WireReader(contract);
                    CompletionStage<BatchResult> done = bytes
                            .via(Framing.delimiter(ByteString.fromString("\n"), ctx.settings().maxNdjsonLineBytes(), FramingTruncation.ALLOW))
                            .zipWithIndex()
                            .map(p -> parseLine(reader, p.first(), p.second() + 1))
                            .filter(p -> p.ok() || !p.errors().isEmpty())
                            .grouped(ctx.settings().ndjsonBatchSize())
                            .mapAsync(1, group -> sendGroup(contract.id(), group, requestId))
                            .runFold(BatchResult.EMPTY, BatchResult::plus, mat);
                    return after(done, r -> json(StatusCodes.OK, r));
                }))));
    }

    private static Parsed<Claim> parseLine(WireReader reader, ByteString line, long lineNo) {
        String text = line.decodeString(StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return new Parsed<>(null, List.of()); // blank lines (e.g. a trailing newline) are not records
        }
        JsonNode node;
        try {
            node = Mappers.json().readTree(text);
        } catch (JsonProcessingException e) {
            return new Parsed<>(null, List.of(WireReader.error("claims line " + lineNo, null, RecordReader.notJson(e))));
        }
        return reader.read(ClaimFormat.INSTANCE, node, WireReader.label("claims", " line " + lineNo, node));
    }

    private CompletionStage<BatchResult> sendGroup(String contractId, List<Parsed<Claim>> group, String requestId) {
        List<Claim> valid = new ArrayList<>(group.size());
        List<RecordError> errors = new ArrayList<>();
        for (Parsed<Claim> p : group) {
            if (p.ok()) {
                valid.add(p.value());
            } else {
                errors.addAll(p.errors());
            }
        }
        BatchResult rejected = new BatchResult(0, 0, group.size() - valid.size(),
                errors.size() > BatchResult.MAX_ERRORS_LISTED ? errors.subList(0, BatchResult.MAX_ERRORS_LISTED) : errors);
        if (valid.isEmpty()) {
            return CompletableFuture.completedFuture(rejected);
        }
        return ctx.ledger().recordClaims(contractId, valid, requestId).thenApply(rejected::plus);
    }

}
