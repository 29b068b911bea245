package org.vbcsettle.api.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vbcsettle.api.ApiNode;
import org.vbcsettle.api.ApiSettings;
import org.vbcsettle.api.PayoutView;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.api.auth.Tokens;
import org.vbcsettle.api.demo.DemoFeeder;
import org.vbcsettle.cli.ServeCommand;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.ledger.DatabaseSettings;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app end to end: a node on H2 with two demo contracts fed, Debian's Chromium driven headless through
 * its own chromedriver (never a browser or driver downloaded by Selenium Manager). Each figure the page shows
 * is checked against the API's JSON, formatted here independently of the app's JavaScript. Screenshots of each
 * page land under target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebAppBrowserTest {

    static final String CHROMIUM = System.getProperty("vbc.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final ObjectMapper JSON = new ObjectMapper();

    Path dir;
    ApiNode node;
    ChromeDriver browser;
    WebDriverWait wait;
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The contract the provider views (interim statements and a payout to move), and another provider's. */
    Contract mine;
    Contract theirs;
    /** The fed contracts (the quality gaps are checked on those that have a quality arrangement). */
    List<Contract> fedContracts;
    PayoutView toPay;
    String providerToken;
    String payerToken;

    @BeforeAll
    void start() throws Exception {
        assertThat(new File(CHROMIUM).canExecute()).as("Debian's chromium (./test.sh installs it: apt-get install chromium chromium-driver)").isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute()).as("Debian's chromium-driver").isTrue();
        dir = Files.createTempDirectory("vbc-webapp-test");
        var config = ApiSettings.withDefaults(ConfigFactory.parseString("akka.loglevel = WARNING").withFallback(ConfigFactory.load()));
        DatabaseSettings db = DatabaseSettings.fromConfig(config).withUrl("jdbc:h2:file:" + dir.resolve("ledger"), "sa", "");
        node = ApiNode.start(config, db, ApiSettings.fromConfig(config).withHost("127.0.0.1").withPort(0));
        List<Contract> all = node.loadContracts(Path.of("contracts"));
        // two providers' contracts with quarterly interim settlements: statements and payouts to look at
        fedContracts = all.stream().filter(c -> Boolean.TRUE.equals(c.settlementOrDefault().interimSettlements()))
                .sorted(Comparator.comparing(Contract::id)).toList();
        assertThat(fedContracts).hasSizeGreaterThanOrEqualTo(2);
        List<DemoFeeder.Fed> fed = DemoFeeder.feed(node.ledger(), fedContracts, 120, 2024, new PrintStream(new ByteArrayOutputStream()));
        DemoFeeder.Fed withPayout = fed.stream().filter(f -> f.payouts().stream().anyMatch(p -> p.amountCents() > 0 && p.status().equals("triggered")))
                .findFirst().orElseThrow(() -> new AssertionError("the demo triggered no payout to approve"));
        mine = withPayout.contract();
        theirs = fedContracts.stream().filter(c -> !c.provider().equals(mine.provider())).findFirst().orElseThrow();
        toPay = withPayout.payouts().stream().filter(p -> p.amountCents() > 0 && p.status().equals("triggered")).findFirst().orElseThrow();
        // the sign-in links serve --demo prints: the provider's first, then the payer's
        List<String> links = ServeCommand.signInLinks(node, mine, Duration.ofHours(1), Clock.systemUTC()).lines()
                .filter(l -> l.startsWith(node.baseUrl() + "/app/#token=")).toList();
        assertThat(links).hasSize(2);
        providerToken = links.get(0).substring(links.get(0).indexOf("#token=") + 7);
        payerToken = links.get(1).substring(links.get(1).indexOf("#token=") + 7);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(45));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
        if (dir != null) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void the_root_leads_to_the_app_and_the_app_asks_for_a_token() throws Exception {
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/app/");
        // only the app's own files are served: not the rest of the class path
        HttpResponse<String> conf = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/app/application.conf")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(conf.statusCode()).isEqualTo(404);

        browser.get(node.baseUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(browser.getCurrentUrl()).startsWith(node.baseUrl() + "/app/");
        assertLabelled();
        shot("sign-in");
    }

    @Test
    @Order(2)
    void a_provider_sees_only_its_own_contracts_and_is_refused_another_providers() throws Exception {
        signInByLink(providerToken);
        waitForPage("/");
        Set<String> shown = browser.findElements(By.cssSelector("#contracts tr[data-contract]")).stream()
                .map(e -> e.getAttribute("data-contract")).collect(Collectors.toSet());
        Set<String> own = node.ledger().contracts().toCompletableFuture().get(30, TimeUnit.SECONDS).stream()
                .filter(c -> c.provider().equals(mine.provider())).map(Contract::id).collect(Collectors.toSet());
        assertThat(shown).isEqualTo(own).contains(mine.id()).doesNotContain(theirs.id());
        assertThat(browser.findElement(By.id("who")).getText()).contains(mine.provider());
        shot("provider-contracts");

        browser.get(node.baseUrl() + "/app/#/contracts/" + URLEncoder.encode(theirs.id(), StandardCharsets.UTF_8));
        waitForPage("/contracts/" + URLEncoder.encode(theirs.id(), StandardCharsets.UTF_8));
        WebElement error = browser.findElement(By.cssSelector("main [role=alert]"));
        assertThat(error.getAttribute("data-status")).isIn("403", "404");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(theirs.name() == null ? theirs.id() + " " : theirs.name());
        assertThat(browser.findElements(By.cssSelector("[data-figure]"))).isEmpty();
        shot("provider-refused");
    }

    @Test
    @Order(3)
    void the_contract_page_shows_the_apis_figures() throws Exception {
        signInByLink(providerToken);
        openContract(mine.id());
        JsonNode totals = get("/v1/contracts/" + enc(mine.id()) + "/totals", providerToken);
        assertThat(figure("periodId")).isEqualTo(totals.get("periodId").asText()).isEqualTo(String.valueOf(mine.performanceEnd().getYear()));
        assertThat(figure("paidClaims")).isEqualTo(dollars(totals.get("paidClaims").asLong()));
        assertThat(figure("paidPmpm")).isEqualTo(dollars(totals.get("paidPmpm").asLong()));
        assertThat(figure("payoutsSoFar")).isEqualTo(dollars(totals.get("payoutsSoFar").asLong()));
        assertThat(figure("projectedSettlement")).isEqualTo(dollars(totals.get("projectedSettlement").asLong()));
        assertThat(figure("memberMonths")).isEqualTo(String.format(Locale.US, "%,d", totals.get("memberMonths").asLong()));
        assertThat(figure("claimCount")).isEqualTo(String.format(Locale.US, "%,d", totals.get("claimCount").asLong()));
        int measures = 0;
        for (JsonNode a : totals.get("arrangements")) {
            if (a.hasNonNull("sharedSavings")) {
                JsonNode s = a.get("sharedSavings");
                assertThat(figure("benchmark")).isEqualTo(dollars(s.get("benchmark").asLong()));
                assertThat(figure("expenditure")).isEqualTo(dollars(s.get("expenditure").asLong()));
                assertThat(figure("earned")).isEqualTo(dollars(s.get("earned").asLong()));
                assertThat(figure("savingsRate")).isEqualTo(percent(s.get("savingsRate").asText(), 2));
            }
            if (a.hasNonNull("quality")) {
                for (JsonNode m : a.get("quality").get("measures")) {
                    WebElement row = browser.findElement(By.cssSelector("tr[data-measure='" + m.get("measureId").asText() + "']"));
                    List<WebElement> cells = row.findElements(By.tagName("td"));
                    assertThat(cells.get(0).getText()).isEqualTo(m.get("rate").isNull() ? "—" : percent(m.get("rate").asText(), 1));
                    assertThat(cells.get(3).getText()).isEqualTo(gap(m));
                    measures++;
                }
            }
        }
        assertThat(measures + browser.findElements(By.cssSelector("[data-figure=benchmark]")).size()).isPositive();
        // the chart's months add up to the year's paid claims: the last "paid to date" is the total
        List<WebElement> monthRows = browser.findElements(By.cssSelector("#months tbody tr"));
        assertThat(monthRows).hasSize(12);
        // every interim statement the API lists is on the page with its total
        JsonNode statements = get("/v1/contracts/" + enc(mine.id()) + "/settlements", providerToken);
        assertThat(statements.size()).isPositive();
        for (JsonNode s : statements) {
            WebElement li = browser.findElement(By.cssSelector("li[data-statement='" + s.get("periodId").asText() + "-"
                    + s.get("kind").asText().toLowerCase(Locale.ROOT) + "'] summary"));
            assertThat(li.getText()).contains(dollars(s.get("total").asLong()));
        }
        fullPageShot("provider-contract");
        browser.manage().window().setSize(new Dimension(390, 844)); // a phone
        try {
            openContract(mine.id());
            Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0L);
            fullPageShot("provider-contract-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    @Order(4)
    void each_quality_measure_shows_its_rate_and_gap_in_words() throws Exception {
        int measures = 0;
        for (Contract c : fedContracts) {
            String token = Tokens.mint(node.auth(), Role.PROVIDER, c.provider(), Duration.ofHours(1), Clock.systemUTC());
            JsonNode totals = get("/v1/contracts/" + enc(c.id()) + "/totals", token);
            List<JsonNode> quality = new java.util.ArrayList<>();
            totals.get("arrangements").forEach(a -> { if (a.hasNonNull("quality")) quality.add(a.get("quality")); });
            if (quality.isEmpty()) {
                continue;
            }
            signInByLink(token);
            openContract(c.id());
            for (JsonNode q : quality) {
                for (JsonNode m : q.get("measures")) {
                    WebElement row = browser.findElement(By.cssSelector("tr[data-measure='" + m.get("measureId").asText() + "']"));
                    List<WebElement> cells = row.findElements(By.tagName("td"));
                    assertThat(cells.get(0).getText()).isEqualTo(m.get("rate").isNull() ? "—" : percent(m.get("rate").asText(), 1));
                    assertThat(cells.get(2).getText()).isEqualTo(String.format(Locale.US, "%,d / %,d",
                            m.get("numerator").asLong(), m.get("eligible").asLong()));
                    assertThat(cells.get(3).getText()).isEqualTo(gap(m));
                    measures++;
                }
            }
            fullPageShot("provider-contract-quality-" + c.id());
        }
        assertThat(measures).as("the demo contracts with interim settlements include a quality arrangement").isPositive();
    }

    @Test
    @Order(5)
    void the_payer_approves_and_disburses_then_the_provider_acknowledges() throws Exception {
        // the payer signs in through the form this time
        browser.get(node.baseUrl() + "/app/#/signin");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.navigate().refresh();
        WebElement tokenBox = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        tokenBox.sendKeys(payerToken);
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        waitForPage("/");
        String row = "#payout-queue tr[data-payout='" + toPay.key() + "']";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row + " td[data-status=triggered]")));
        shot("payer-portfolio");
        browser.findElement(By.cssSelector(row + " button[data-action=approved]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row + " td[data-status=approved]")));
        browser.findElement(By.cssSelector(row + " button[data-action=disbursed]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row + " td[data-status=disbursed]")));
        assertThat(status(toPay)).isEqualTo("disbursed");

        // the payer's contract page: the same figures, and the settlement form, every control labelled
        openContract(mine.id());
        assertThat(browser.findElements(By.id("settle-kind"))).hasSize(1);
        assertLabelled();
        fullPageShot("payer-contract");

        signInByLink(providerToken);
        String item = "li.payout[data-payout='" + toPay.key() + "']";
        // the payout lists come from the ledger's read side, a moment behind the ledger: reload until it shows
        wait.until(d -> {
            openContract(mine.id());
            return "disbursed".equals(d.findElement(By.cssSelector(item)).getAttribute("data-status"));
        });
        assertThat(browser.findElements(By.cssSelector("[data-action=approved], [data-action=disbursed]"))).isEmpty();
        browser.findElement(By.cssSelector(item + " button[data-action=acknowledged]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(item + "[data-status=acknowledged]")));
        assertThat(status(toPay)).isEqualTo("acknowledged");
        shot("provider-acknowledged");
    }

    @Test
    @Order(6)
    void the_payer_runs_the_fourth_quarters_interim_settlement() throws Exception {
        signInByLink(payerToken);
        openContract(mine.id());
        int year = mine.performanceEnd().getYear();
        WebElement period = browser.findElement(By.id("settle-period"));
        period.clear();
        period.sendKeys(year + "-Q4");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('settle-asof').value = arguments[0];", (year + 1) + "-02-28");
        browser.findElement(By.cssSelector("form.settle button[type=submit]")).click();
        WebElement li = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-statement='" + year + "-Q4-interim'] summary")));
        JsonNode statements = get("/v1/contracts/" + enc(mine.id()) + "/settlements?period=" + year + "-Q4&kind=interim", payerToken);
        assertThat(statements.size()).isEqualTo(1);
        assertThat(li.getText()).contains(dollars(statements.get(0).get("total").asLong()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settle-status"), year + "-Q4"));
        shot("payer-settled");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void signInByLink(String token) {
        browser.get(node.baseUrl() + "/app/#token=" + token);
        // the link signs in and leaves the address bar
        wait.until(d -> !d.getCurrentUrl().contains("token="));
    }

    private void openContract(String id) {
        String route = "/contracts/" + enc(id);
        browser.get(node.baseUrl() + "/app/#" + route);
        waitForPage(route);
    }

    private void waitForPage(String route) {
        wait.until(d -> {
            WebElement main = d.findElement(By.id("main"));
            return route.equals(main.getAttribute("data-route")) && "false".equals(main.getAttribute("aria-busy"));
        });
    }

    private String figure(String name) {
        return browser.findElement(By.cssSelector("main [data-figure='" + name + "']")).getText();
    }

    /** Every text field, list and button-less control has a label naming it. */
    private void assertLabelled() {
        for (WebElement control : browser.findElements(By.cssSelector("main input, main select, main textarea"))) {
            String id = control.getAttribute("id");
            assertThat(id).isNotBlank();
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label for #" + id).hasSize(1);
        }
    }

    private String status(PayoutView p) throws Exception {
        for (JsonNode x : get("/v1/contracts/" + enc(p.contractId()) + "/payouts", payerToken)) {
            if (x.get("key").asText().equals(p.key())) {
                return x.get("status").asText();
            }
        }
        throw new AssertionError("payout " + p.key() + " not listed");
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page: the window stretched to the document's height for the picture. */
    private void fullPageShot(String name) throws Exception {
        Dimension before = browser.manage().window().getSize();
        Long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(8000, height + 140)));
        try {
            shot(name);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Cents as US dollars with separators, formatted here (not by the app): 475897825 → $4,758,978.25. */
    static String dollars(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + "$" + String.format(Locale.US, "%,d.%02d", abs / 100, abs % 100);
    }

    /** A decimal-string rate as a percentage, half away from zero: "0.70125" → "70.1%". */
    static String percent(String rate, int places) {
        return new BigDecimal(rate).movePointRight(2).setScale(places, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** The gap sentence for a measure with a target, from numerator, eligible and target. */
    static String gap(JsonNode m) {
        long eligible = m.get("eligible").asLong();
        long numerator = m.get("numerator").asLong();
        if (!m.get("scored").asBoolean()) {
            return (m.get("minimumDenominator").asLong() - eligible) + " more eligible members needed before this measure is scored (minimum "
                    + String.format(Locale.US, "%,d", m.get("minimumDenominator").asLong()) + ").";
        }
        boolean target = m.hasNonNull("target");
        BigDecimal t;
        if (target) {
            t = new BigDecimal(m.get("target").asText());
        } else {
            List<BigDecimal> tiers = new java.util.ArrayList<>();
            m.get("tierThresholds").forEach(x -> tiers.add(new BigDecimal(x.asText())));
            t = m.get("lowerIsBetter").asBoolean() ? tiers.stream().min(BigDecimal::compareTo).orElseThrow()
                    : tiers.stream().max(BigDecimal::compareTo).orElseThrow();
        }
        String what = "the " + percent(t.toPlainString(), 0) + (target ? " target" : " tier");
        BigDecimal exact = t.multiply(BigDecimal.valueOf(eligible));
        if (!m.get("lowerIsBetter").asBoolean()) {
            long needed = exact.setScale(0, RoundingMode.CEILING).longValueExact() - numerator;
            return needed <= 0 ? "Target reached: " + String.format(Locale.US, "%,d of %,d", numerator, eligible) + " eligible members."
                    : String.format(Locale.US, "%,d", needed) + " more numerator" + (needed == 1 ? "" : "s") + " to reach " + what + ".";
        }
        long excess = numerator - exact.setScale(0, RoundingMode.FLOOR).longValueExact();
        return excess <= 0 ? "Target reached (lower is better): " + String.format(Locale.US, "%,d of %,d", numerator, eligible) + "."
                : String.format(Locale.US, "%,d", excess) + " fewer numerator" + (excess == 1 ? "" : "s") + " to get under " + what + " (lower is better).";
    }
}
