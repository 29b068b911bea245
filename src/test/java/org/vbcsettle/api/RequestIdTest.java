package org.vbcsettle.api;

import akka.persistence.jdbc.query.javadsl.JdbcReadJournal;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.PersistenceQuery;
import akka.stream.javadsl.Sink;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.ledger.ContractEntity;
import org.vbcsettle.ledger.ContractEvent;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The request id: echoed, generated when missing or malformed, stamped on the events and log lines it causes. */
class RequestIdTest {

    @TempDir
    static Path dir;
    static TestApi api;
    static final String ADMIN = TestApi.token(Role.ADMIN, null);
    static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.onLedger(dir, TestApi.defaults());
        assertThat(api.send("POST", "/v1/contracts", ADMIN, "application/yaml",
                Fixtures.contractYaml("rid-2024", "blue-payer", "acme-aco")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    static HttpResponse<String> post(String path, String requestId, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (requestId != null) {
            b.header("X-Request-Id", requestId);
        }
        return api.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String echoed(HttpResponse<String> r) {
        return r.headers().firstValue("X-Request-Id").orElseThrow(() -> new AssertionError("no X-Request-Id in " + r.headers()));
    }

    @Test
    void aWellFormedIdIsEchoedAndReachesTheEventAndTheLedgerLogLine() throws Exception {
        Logger entityLog = (Logger) LoggerFactory.getLogger(ContractEntity.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level before = entityLog.getLevel();
        entityLog.setLevel(Level.DEBUG);
        entityLog.addAppender(lines);
        HttpResponse<String> r;
        try {
            r = post("/v1/contracts/rid-2024/claims", "ingest-42.a:b_c",
                    "[" + Fixtures.claim("rid-c1", "M1", "2024-03-01", "2024-03-20", 12_345) + "]");
        } finally {
            entityLog.detachAppender(lines);
            entityLog.setLevel(before);
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(echoed(r)).isEqualTo("ingest-42.a:b_c");

        List<ContractEvent> events = events("rid-2024");
        assertThat(events).filteredOn(e -> e instanceof ContractEvent.ClaimsRecorded)
                .extracting(e -> ((ContractEvent.ClaimsRecorded) e).requestId()).containsExactly("ingest-42.a:b_c");
        assertThat(events).filteredOn(e -> e instanceof ContractEvent.ContractRegistered).hasSize(1);

        assertThat(lines.list).anySatisfy(line -> {
            assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "ingest-42.a:b_c");
            assertThat(line.getFormattedMessage()).contains("rid-2024").contains("RecordClaims");
        });
    }

    @Test
    void aSettlementsStatementEventCarriesItsRequestId() throws Exception {
        HttpResponse<String> r = post("/v1/contracts/rid-2024/settlements", "settle-final-1", "{\"kind\":\"final\",\"asOf\":\"2025-09-01\"}");
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        assertThat(events("rid-2024")).filteredOn(e -> e instanceof ContractEvent.StatementIssued)
                .extracting(e -> ((ContractEvent.StatementIssued) e).requestId()).containsExactly("settle-final-1");
    }

    @Test
    void aMissingOrMalformedIdIsReplacedWithANewOne() throws Exception {
        String body = "[" + Fixtures.claim("rid-c9", "M9", "2024-04-01", "2024-04-20", 500) + "]";
        String missing = echoed(post("/v1/contracts/rid-2024/claims", null, body));
        assertThat(missing).matches(UUID_FORM);
        String tooLong = echoed(post("/v1/contracts/rid-2024/claims", "x".repeat(65), body));
        assertThat(tooLong).matches(UUID_FORM).isNotEqualTo(missing);
        assertThat(echoed(post("/v1/contracts/rid-2024/claims", "has space", body))).matches(UUID_FORM);
        // problems carry it too, and reads
        assertThat(echoed(post("/v1/contracts/rid-2024/claims", "bad-batch-1", "{}"))).isEqualTo("bad-batch-1");
        assertThat(api.get("/health", null).raw().headers().firstValue("X-Request-Id")).get().asString().matches(UUID_FORM);
    }

    static List<ContractEvent> events(String contractId) throws Exception {
        var system = api.node.ledgerNode().system();
        JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        List<EventEnvelope> all = journal.currentEventsByPersistenceId(ContractEntity.persistenceId(contractId).id(), 0, Long.MAX_VALUE)
                .runWith(Sink.seq(), system).toCompletableFuture().get(20, TimeUnit.SECONDS);
        return all.stream().map(e -> (ContractEvent) e.event()).toList();
    }
}
