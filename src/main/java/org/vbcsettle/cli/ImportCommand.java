package org.vbcsettle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.ingest.AttributionFormat;
import org.vbcsettle.ingest.ClaimFormat;
import org.vbcsettle.ingest.IngestError;
import org.vbcsettle.ingest.QualityEventFormat;
import org.vbcsettle.ingest.RecordReader;
import org.vbcsettle.ingest.RecordType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vbc-settle import --contract ID --claims claims.ndjson [--attribution a.ndjson] [--quality q.ndjson]}:
 * sends data files to a running node over the HTTP API. Claims are streamed as NDJSON in one request
 * (constant memory at both ends); attribution and quality events go as JSON arrays of {@code --batch}
 * records, each batch all or nothing. Files are NDJSON ({@code .ndjson}/{@code .jsonl}, one record per line
 * in the API's form) or CSV ({@code .csv}, header row naming the same fields; read by the ingest readers,
 * which report bad lines locally, and sent in JSON batches). {@code --fhir FILE} (repeatable) posts a FHIR
 * Bundle or bulk NDJSON file to {@code /fhir} as one all-or-nothing batch.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import claims, attribution or quality files into a running node")
public final class ImportCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the node's base URL (default: ${DEFAULT-VALUE})") String url;

    @Option(names = "--token", description = "bearer token (default: environment VBC_TOKEN); mint one with `vbc-settle token`") String token;

    @Option(names = "--contract", required = true, description = "contract id") String contract;

    @Option(names = "--claims", description = "claims, NDJSON (streamed) or CSV") Path claims;

    @Option(names = "--attribution", description = "attribution member-months, NDJSON or CSV") Path attribution;

    @Option(names = "--quality", description = "quality events, NDJSON or CSV") Path quality;

    @Option(names = "--fhir", description = "FHIR R4 resources: a Bundle (*.json) or bulk NDJSON (*.ndjson) of ExplanationOfBenefit, "
            + "Group (ATR) and MeasureReport (DEQM individual); one all-or-nothing request per file") List<Path> fhir;

    @Option(names = "--batch", defaultValue = "1000", description = "attribution/quality records per request (default: ${DEFAULT-VALUE})") int batch;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private boolean failed;

    @Override
    public Integer call() throws Exception {
        String bearer = token != null ? token : System.getenv("VBC_TOKEN");
        if (bearer == null || bearer.isBlank()) {
            System.err.println("import: give --token or set VBC_TOKEN (vbc-settle token --role payer --party <payer>)");
            return 2;
        }
        if (claims == null && attribution == null && quality == null && fhir == null) {
            System.err.println("import: nothing to import; give --claims, --attribution, --quality and/or --fhir");
            return 2;
        }
        String base = url.replaceAll("/+$", "") + "/v1/contracts/" + URLEncoder.encode(contract, StandardCharsets.UTF_8);
        // attribution first: member-months are what claims and quality are measured against
        if (attribution != null) {
            send(bearer, base + "/attribution", attribution, AttributionFormat.INSTANCE);
        }
        if (claims != null && isCsv(claims)) {
            send(bearer, base + "/claims", claims, ClaimFormat.INSTANCE);
        } else if (claims != null) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/claims")).timeout(Duration.ofHours(2))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofFile(claims)).build();
            report("claims " + claims, client.send(req, HttpResponse.BodyHandlers.ofString()));
        }
        if (quality != null) {
            send(bearer, base + "/quality-events", quality, QualityEventFormat.INSTANCE);
        }
        for (Path file : fhir == null ? List.<Path>of() : fhir) {
            String type = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(ndjson|jsonl)$")
                    ? "application/fhir+ndjson" : "application/fhir+json";
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/fhir")).timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            reportFhir("fhir " + file, client.send(req, HttpResponse.BodyHandlers.ofString()));
        }
        return failed ? 1 : 0;
    }

    private static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    private void send(String bearer, String endpoint, Path file, RecordType<?> type) throws IOException, InterruptedException {
        if (isCsv(file)) {
            csvBatches(bearer, endpoint, file, type);
        } else {
            batches(bearer, endpoint, file);
        }
    }

    /** CSV is read with the ingest readers (errors by line, locally) and sent in the API's JSON form. */
    private <T> void csvBatches(String bearer, String endpoint, Path file, RecordType<T> type) throws IOException, InterruptedException {
        ArrayNode[] current = {Mappers.json().createArrayNode()};
        long[] lines = {0, 0};
        IOException[] failure = {null};
        RecordReader.stream(file, type, new RecordReader.Sink<T>() {
            @Override
            public void record(T record, long line) {
                if (current[0].isEmpty()) {
                    lines[0] = line;
                }
                lines[1] = line;
                current[0].add(type.toJson(record));
                if (current[0].size() == batch) {
                    try {
                        post(bearer, endpoint, current[0], file + " lines " + lines[0] + "-" + lines[1]);
                    } catch (IOException e) {
                        failure[0] = e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failure[0] = new IOException("interrupted", e);
                    }
                    current[0] = Mappers.json().createArrayNode();
                }
            }

            @Override
            public void error(IngestError error) {
                failed = true;
                System.out.println("  " + error);
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (!current[0].isEmpty()) {
            post(bearer, endpoint, current[0], file + " lines " + lines[0] + "-" + lines[1]);
        }
    }

    private void batches(String bearer, String endpoint, Path file) throws IOException, InterruptedException {
        ArrayNode array = Mappers.json().createArrayNode();
        int line = 0;
        int first = 1;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = r.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = Mappers.json().readTree(text);
                } catch (IOException e) {
                    System.err.println(file + " line " + line + ": malformed JSON");
                    failed = true;
                    continue;
                }
                array.add(n);
                if (array.size() == batch) {
                    post(bearer, endpoint, array, file + " lines " + first + "-" + line);
                    array = Mappers.json().createArrayNode();
                    first = line + 1;
                }
            }
        }
        if (!array.isEmpty()) {
            post(bearer, endpoint, array, file + " lines " + first + "-" + line);
        }
    }

    private void post(String bearer, String endpoint, ArrayNode array, String what) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Mappers.json().writeValueAsBytes(array))).build();
        report(what, client.send(req, HttpResponse.BodyHandlers.ofString()));
    }

    /** A FHIR upload's reply: one line per record kind, or each problem by resource and element. */
    private void reportFhir(String what, HttpResponse<String> r) throws IOException {
        JsonNode body = r.body().isBlank() ? Mappers.json().createObjectNode() : Mappers.json().readTree(r.body());
        if (r.statusCode() != 200) {
            failed = true;
            System.out.println(what + ": HTTP " + r.statusCode() + " " + body.path("detail").asText());
            for (JsonNode e : body.path("errors")) {
                System.out.println("  " + e.path("record").asText() + " " + e.path("field").asText() + ": " + e.path("message").asText());
            }
            return;
        }
        for (String kind : List.of("attribution", "claims", "qualityEvents")) {
            JsonNode k = body.path(kind);
            System.out.println(what + ": " + kind + " accepted " + k.path("accepted").asLong() + ", duplicate "
                    + k.path("duplicate").asLong() + ", rejected " + k.path("rejected").asLong());
            if (k.path("rejected").asLong() > 0) {
                failed = true;
            }
            for (JsonNode e : k.path("errors")) {
                System.out.println("  " + e.path("record").asText() + ": " + e.path("field").asText() + ": " + e.path("message").asText());
            }
        }
    }

    private void report(String what, HttpResponse<String> r) throws IOException {
        JsonNode body = r.body().isBlank() ? Mappers.json().createObjectNode() : Mappers.json().readTree(r.body());
        if (r.statusCode() == 200) {
            System.out.println(what + ": accepted " + body.path("accepted").asLong() + ", duplicate "
                    + body.path("duplicate").asLong() + ", rejected " + body.path("rejected").asLong());
            if (body.path("rejected").asLong() > 0) {
                failed = true;
            }
        } else {
            failed = true;
            System.out.println(what + ": HTTP " + r.statusCode() + " " + body.path("detail").asText());
        }
        for (JsonNode e : body.path("errors")) {
            System.out.println("  " + e.path("record").asText() + ": " + e.path("field").asText() + ": " + e.path("message").asText());
        }
    }
}
