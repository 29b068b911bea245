package org.vbcsettle.api;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.http.javadsl.ServerBinding;
import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import org.vbcsettle.api.auth.AuthSettings;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.api.auth.Tokens;
import org.vbcsettle.contract.Mappers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running API on a loopback port, on the real ledger or a stand-in, and a client that speaks to it. */
final class TestApi implements AutoCloseable {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes!!";
    static final AuthSettings AUTH = new AuthSettings(SECRET.getBytes(), null, false, "vbc-settle");

    final HttpClient client = HttpClient.newHttpClient();
    final String base;
    private final AutoCloseable closer;

    /** The API over a stand-in ledger (for failures the real one cannot be made to show, e.g. never answering). */
    TestApi(LedgerGateway ledger, ApiSettings settings) throws Exception {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "api-test",
                ApiSettings.withDefaults(ConfigFactory.parseString("akka.loglevel = WARNING").withFallback(ConfigFactory.load())));
        ApiContext ctx = ApiContext.of(system, ledger, new Tokens(AUTH, Clock.systemUTC()), settings.withHost("127.0.0.1").withPort(0));
        ServerBinding binding = HttpServer.start(system, ctx).toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + binding.localAddress().getPort();
        node = null;
        closer = () -> {
            binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
        };
    }

    /** The node under the API when it runs on the real ledger; null over a stand-in. */
    final ApiNode node;

    private TestApi(ApiNode node) {
        base = node.baseUrl();
        closer = node;
        this.node = node;
    }

    /** The API on the real ledger: a node with Cluster Sharding on an H2 file database in {@code dir}. */
    static TestApi onLedger(java.nio.file.Path dir, ApiSettings settings) throws Exception {
        return onLedger(dir, settings, true);
    }

    /** @param ready false: {@code /ready} is 503 until {@code node.markReady()}, as while serve registers its contracts */
    static TestApi onLedger(java.nio.file.Path dir, ApiSettings settings, boolean ready) throws Exception {
        var config = ApiSettings.withDefaults(ConfigFactory.parseString("akka.loglevel = WARNING\nvbc.auth.hs256-secret = \"" + SECRET + "\"")
                .withFallback(ConfigFactory.load()));
        var db = org.vbcsettle.ledger.DatabaseSettings.fromConfig(config).withUrl("jdbc:h2:file:" + dir.resolve("ledger"), "sa", "");
        return new TestApi(ApiNode.start(config, db, settings.withHost("127.0.0.1").withPort(0), ready));
    }

    static ApiSettings defaults() {
        return ApiSettings.fromConfig(ConfigFactory.empty());
    }

    static String token(Role role, String party) {
        return Tokens.mint(AUTH, role, party, Duration.ofMinutes(10), Clock.systemUTC());
    }

    record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return Mappers.json().readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    Reply send(String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
    }

    Reply get(String path, String token) throws Exception {
        return send("GET", path, token, null, null);
    }

    Reply postJson(String path, String token, String body) throws Exception {
        return send("POST", path, token, "application/json", body);
    }

    static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
