package org.vbcsettle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.contract.Mappers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code vbc-settle remittance-check --contract ID --file received.835 [--acknowledge] [--dispute]}: the provider sends
 * an X12 835 it received to a running node and gets each payout's finding (matched, short-paid, over-paid,
 * missing, unexpected) with contract and period; exit 1 unless everything matched. {@code --dispute} opens a
 * dispute on each disbursed payout the 835 pays short (once: the same 835 again opens none).
 */
@Command(name = "remittance-check", mixinStandardHelpOptions = true,
        description = "Check an X12 835 received from the payer against the contract's payouts on a running node")
public final class RemittanceCheckCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the node's base URL (default: ${DEFAULT-VALUE})") String url;

    @Option(names = "--token", description = "bearer token (default: environment VBC_TOKEN): the contract's provider") String token;

    @Option(names = "--contract", required = true, description = "contract id") String contract;

    @Option(names = "--file", required = true, description = "the 835 received") Path file;

    @Option(names = "--acknowledge", description = "acknowledge each disbursed payout the 835 pays exactly") boolean acknowledge;

    @Option(names = "--dispute", description = "open a dispute on each disbursed payout the 835 pays short") boolean dispute;

    @Override
    public Integer call() throws Exception {
        String bearer = token != null ? token : System.getenv("VBC_TOKEN");
        if (bearer == null || bearer.isBlank()) {
            System.err.println("remittance-check: give --token or set VBC_TOKEN (vbc-settle token --role provider --party <provider>)");
            return 2;
        }
        String endpoint = url.replaceAll("/+$", "") + "/v1/contracts/" + URLEncoder.encode(contract, StandardCharsets.UTF_8)
                + "/remittances?acknowledge=" + acknowledge + "&dispute=" + dispute;
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/edi-x12")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.body().isBlank() ? Mappers.json().createObjectNode() : Mappers.json().readTree(r.body());
        if (r.statusCode() != 200) {
            System.out.println(file + ": HTTP " + r.statusCode() + " " + body.path("detail").asText());
            body.path("errors").forEach(e -> System.out.println("  " + e.path("message").asText()));
            return 1;
        }
        boolean allMatched = true;
        for (JsonNode f : body.path("findings")) {
            String outcome = f.path("outcome").asText();
            allMatched &= outcome.equals("matched");
            System.out.printf("%-11s %s %s %s expected %s remitted %s difference %s%n", outcome, f.path("contractId").asText(),
                    f.path("periodId").asText("-"), f.path("payoutKey").isNull() ? f.path("reference").asText() : f.path("payoutKey").asText(),
                    cents(f.path("expectedCents")), cents(f.path("remittedCents")), cents(f.path("differenceCents")));
        }
        body.path("acknowledged").forEach(k -> System.out.println("acknowledged " + k.asText()));
        for (JsonNode d : body.path("disputes")) {
            System.out.println("dispute " + d.path("outcome").asText() + " " + d.path("payoutKey").asText()
                    + (d.has("detail") ? ": " + d.path("detail").asText() : " short " + cents(d.path("dispute").path("shortCents"))));
        }
        return allMatched ? 0 : 1;
    }

    private static String cents(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "-" : org.vbcsettle.money.Money.ofCents(n.asLong()).toString();
    }
}
