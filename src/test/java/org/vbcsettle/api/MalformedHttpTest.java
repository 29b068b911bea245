package org.vbcsettle.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.contract.ContractLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes that are not HTTP, sent on a raw socket: each gets a 4xx at once, a problem document where the
 * request line could be read, and the connection is closed when it cannot carry another request. "At once"
 * is bounded by the socket's read timeout (5 s), far below the 30 s a stuck request would take.
 */
class MalformedHttpTest {

    static final String ADMIN = TestApi.token(Role.ADMIN, null);
    static TestApi api;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.registerContract(ContractLoader.parse(Fixtures.contractYaml("acme-2024", "blue-payer", "acme-aco"), "test",
                ContractLoader.Format.YAML).contract()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        api = new TestApi(ledger, TestApi.defaults());
        port = URI.create(api.base).getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** What the server sent until it closed the connection (or the read timed out: then {@code closed} is false). */
    record Exchange(String text, boolean closed) {
        int status() {
            return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        }
    }

    static Exchange exchange(byte[] request) throws IOException {
        return exchange(request, new byte[0]);
    }

    /** {@code later} is sent once the server has had the head: then the route, not the parser, meets it. */
    static Exchange exchange(byte[] request, byte[] later) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            if (later.length > 0) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                s.getOutputStream().write(later);
                s.getOutputStream().flush();
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
                return new Exchange(got.toString(StandardCharsets.UTF_8), true);
            } catch (SocketTimeoutException e) {
                return new Exchange(got.toString(StandardCharsets.UTF_8), false);
            } catch (java.net.SocketException e) {
                return new Exchange(got.toString(StandardCharsets.UTF_8), true); // reset after the reply
            }
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String chunkedHead(String contentType) {
        return "POST /v1/contracts/acme-2024/claims HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN
                + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    /** The JSON batch reads the whole body, the NDJSON upload streams it: both meet the bad chunk in the route. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"application/json,false", "application/json,true",
            "application/x-ndjson,false", "application/x-ndjson,true"})
    void a_chunk_size_that_is_not_hex_is_400_not_500(String contentType, boolean bodyLater) throws Exception {
        String body = "zz\r\n[]\r\n0\r\n\r\n";
        String head = chunkedHead(contentType);
        Exchange e = bodyLater ? exchange(ascii(head), ascii(body)) : exchange(ascii(head + body));
        assertThat(e.status()).as(e.text()).isEqualTo(400);
        assertThat(e.text()).contains("application/problem+json").contains("\"status\":400");
        assertThat(e.closed()).as("the rest of the stream cannot be framed: the connection is closed").isTrue();
    }

    @Test
    void a_chunk_cut_short_is_400() throws Exception {
        Exchange e = exchange(ascii("POST /v1/contracts/acme-2024/claims HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n[]\r\n0\r\n\r\n"));
        assertThat(e.status()).as(e.text()).isEqualTo(400);
        assertThat(e.closed()).isTrue();
    }

    @Test
    void an_http_version_it_does_not_speak_is_400_and_closed() throws Exception {
        Exchange e = exchange(ascii("GET /health HTTP/9.9\r\n\r\n"));
        assertThat(e.status()).as(e.text()).isEqualTo(400);
        assertThat(e.text()).contains("HTTP protocol version");
        assertThat(e.text()).contains("application/problem+json");
        assertThat(e.closed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GARBAGE\r\n\r\n", "hello world\r\n\r\n", "GET\r\n\r\n", "GET /\r\n\r\n", "PROPFIND / HTTP/1.1\r\n\r\n",
            "\u0000\u0001\u0002\u0003\r\n\r\n", "GET /health HTTP/1.1\r\nHost x\r\n\r\n", "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003",
            // shorter than the longest method: these waited for the idle timeout
            "X\r\n\r\n", "GET\r\n", "G\r\n\r\n", "ab", " \r\n\r\n", "\r\n\r\n", "get / HTTP/1.1\r\n\r\n"})
    void a_garbage_request_line_is_400_and_the_connection_is_closed(String request) throws Exception {
        Exchange e = exchange(ascii(request));
        assertThat(e.status()).as(e.text()).isEqualTo(400);
        assertThat(e.text()).contains("application/problem+json").contains("\"status\":400");
        assertThat(e.closed()).as("closed at once: " + e.text()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Long: LONG\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\n\u0000\u0001: y\r\n\r\n",
            "GET /LONG HTTP/1.1\r\nHost: x\r\n\r\n"})
    void malformed_headers_are_a_4xx_at_once(String request) throws Exception {
        Exchange e = exchange(ascii(request.replace("LONG", "a".repeat(20_000))));
        assertThat(e.status()).as(e.text()).isBetween(400, 499);
        assertThat(e.text()).contains("application/problem+json");
        assertThat(e.closed()).as("closed at once: " + e.text()).isTrue();
    }

    /** A method name cut by the network is waited for, not refused: only bytes no method starts with are. */
    @Test
    void a_request_line_that_arrives_in_pieces_is_answered() throws Exception {
        Exchange e = exchange(ascii("GE"), ascii("T /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertThat(e.status()).as(e.text()).isEqualTo(200);
        Exchange o = exchange(ascii("OPTI"), ascii("ONS /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertThat(o.status()).as(o.text()).isBetween(200, 499);
        assertThat(o.text()).doesNotContain("Unsupported HTTP method");
    }

    @Test
    void a_good_request_still_works_after_them() throws Exception {
        exchange(ascii("GARBAGE\r\n\r\n"));
        Exchange e = exchange(ascii("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertThat(e.status()).as(e.text()).isEqualTo(200);
    }
}
