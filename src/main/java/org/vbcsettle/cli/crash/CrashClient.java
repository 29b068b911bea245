package org.vbcsettle.cli.crash;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.contract.Mappers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP calls of the harness, as the payer makes them, against one running node. */
final class CrashClient {

    /** A reply: its status and its JSON body (null when empty). */
    record Reply(int status, JsonNode body, String text) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    CrashClient(String baseUrl, String token) {
        this.base = baseUrl;
        this.token = token;
    }

    Reply send(String contractId, CrashSchedule.Step step) throws IOException, InterruptedException {
        String c = "/v1/contracts/" + contractId;
        if (step instanceof CrashSchedule.Register r) {
            return call("POST", "/v1/contracts", "application/yaml", r.yaml());
        }
        if (step instanceof CrashSchedule.Attribute a) {
            return call("POST", c + "/attribution", "application/json", a.json());
        }
        if (step instanceof CrashSchedule.Claims cl) {
            return call("POST", c + "/claims", "application/x-ndjson", cl.ndjson());
        }
        CrashSchedule.Settle s = (CrashSchedule.Settle) step;
        return call("POST", c + "/settlements", "application/json", s.json());
    }

    Reply get(String path) throws IOException, InterruptedException {
        return call("GET", path, null, null);
    }

    private Reply call(String method, String path, String type, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (!r.body().isEmpty() && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
            json = Mappers.json().readTree(r.body());
        }
        return new Reply(r.statusCode(), json, r.body());
    }
}
