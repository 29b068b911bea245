package org.vbcsettle.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Mappers;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {
    @TempDir
    Path dir;

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @Test
    void writesCsvJsonAndAReportWhoseSvgParses() throws Exception {
        Contract c = SimFixtures.contract(SimFixtures.P4P_AND_BUNDLE);
        Scenario s = SimFixtures.scenario(dir, "random.yaml", SimFixtures.RANDOM_COMBINED);
        List<Sweep> sweeps = List.of(Sweep.parse("trend=0.0:0.06:0.02"));
        SimulationRun run = SimulationRun.run(c, s, 80, 3, 2, sweeps, null);
        Path out = dir.resolve("out");
        Reports.writeAll(out, run.result(), run.summary(), run.sweeps(), "contracts/combined-test.yaml");

        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(81)
                .first().asString().startsWith("trial,members,member_months,claims_usd");

        JsonNode json = Mappers.json().readTree(out.resolve("summary.json").toFile());
        assertThat(json.at("/inputs/trials").asInt()).isEqualTo(80);
        assertThat(json.at("/providerPayout/mean/cents").asLong()).isEqualTo(run.summary().providerPayout().mean().cents());
        assertThat(json.at("/sweeps/0/points")).hasSize(4);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        DocumentBuilder b = f.newDocumentBuilder();
        // The whole page is well-formed, so its inline SVG is too.
        Document doc = b.parse(out.resolve("report.html").toFile());
        NodeList svgs = doc.getElementsByTagNameNS(SVG_NS, "svg");
        // histogram, cumulative distribution, one sweep chart
        assertThat(svgs.getLength()).isEqualTo(3);
        Element histogram = (Element) svgs.item(0);
        // 40 bins plus the plot frame
        assertThat(histogram.getElementsByTagNameNS(SVG_NS, "rect").getLength()).isEqualTo(41);
        Element cdf = (Element) svgs.item(1);
        assertThat(cdf.getElementsByTagNameNS(SVG_NS, "polyline").getLength()).isEqualTo(1);
        Element sweep = (Element) svgs.item(2);
        assertThat(sweep.getElementsByTagNameNS(SVG_NS, "polyline").getLength()).isEqualTo(2);
        assertThat(sweep.getElementsByTagNameNS(SVG_NS, "circle").getLength()).isEqualTo(8);
        // each SVG also parses on its own, as a standalone .svg file would
        String html = Files.readString(out.resolve("report.html"));
        int from = 0;
        int count = 0;
        while ((from = html.indexOf("<svg", from)) >= 0) {
            int end = html.indexOf("</svg>", from) + "</svg>".length();
            Document svg = b.parse(new java.io.ByteArrayInputStream(html.substring(from, end).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo(SVG_NS);
            from = end;
            count++;
        }
        assertThat(count).isEqualTo(3);
        // the console summary names every figure the actuary asked for
        String console = Reports.console(run.result(), run.summary(), run.sweeps());
        assertThat(console).contains("provider payout", "payer net cost", "P(savings earned)", "P(owing losses)",
                "ES95 of losses owed", "Sweep of trend");
    }

    @Test
    void aZeroVarianceRunStillDrawsItsCharts() throws Exception {
        Contract c = SimFixtures.contract(SimFixtures.P4P);
        Scenario s = SimFixtures.scenario(dir, "flat.yaml", """
                name: flat <&> "quoted"
                population: {members: 10}
                quality:
                  measures:
                    A: {eligibleShare: 1, rate: {distribution: fixed, value: 1}}
                    B: {eligibleShare: 1, rate: {distribution: fixed, value: 1}}
                """);
        SimulationRun run = SimulationRun.run(c, s, 5, 1, 1, List.of(), null);
        Path out = dir.resolve("flat");
        Reports.writeAll(out, run.result(), run.summary(), run.sweeps(), "c.yaml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(out.resolve("report.html").toFile());
        assertThat(doc.getElementsByTagNameNS(SVG_NS, "svg").getLength()).isEqualTo(2);
    }
}
