package it.cabina.portal;

import it.cabina.portal.web.PortalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static it.cabina.portal.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The portal in headless Chromium, as a planner of one Ambito uses it: log in, see only their territory, open the
 * dashboard, download a PDF, on a desktop and on a phone-sized window; and every page checked by axe-core for WCAG 2.1 AA.
 * Without Chromium and chromedriver the tests are skipped, unless CABINA_REQUIRE_BROWSER=1 (.ci/run, which installs them)
 * makes that a failure. Set -Dportal.screenshots=DIR to keep screenshots of the pages.
 */
class PortalBrowserTest {
    static final String CHROMIUM = System.getProperty("portal.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("portal.chromedriver", "/usr/bin/chromedriver");

    @TempDir
    static Path root;
    static PortalServer server;
    static ChromeDriver browser;
    static Path downloads;
    /** Why the tests are skipped (null when the browser is there). */
    static String browserMissing;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        String missing = "the browser tests need Chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install chromium chromium-driver — .ci/run does it";
        if (!present) {
            assertNotEquals("1", System.getenv("CABINA_REQUIRE_BROWSER"), missing + " [CABINA_REQUIRE_BROWSER=1: they must run here]");
            browserMissing = missing + ": skipped";
            System.err.println("PortalBrowserTest: " + browserMissing);
            return;
        }
        server = Fixtures.server(root, new TestClock());
        downloads = Files.createDirectories(root.resolve("scaricati"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(root.resolve("chromium-profile")), "--window-size=1366,900", "--lang=it-IT");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @BeforeEach
    void needsTheBrowser() {
        assumeTrue(browserMissing == null, browserMissing);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.stop();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    static void login(String user) {
        browser.get(url("/login"));
        screenshot("login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> "after login: " + browser.getCurrentUrl() + " "
                + browser.findElement(By.tagName("main")).getText()).until(d -> d.getCurrentUrl().equals(url("/")));
    }

    @Test
    void anAmbitoPlannerSeesTheirReportsOpensTheDashboardAndDownloadsAPdf() throws Exception {
        login("busto");
        assertEquals("I tuoi report", browser.findElement(By.tagName("h1")).getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("table.reports tbody tr"));
        assertEquals(4, rows.size(), "cruscotto 2026 and 2025, semestrale, qualità of one Ambito");
        for (WebElement row : rows) assertTrue(row.getText().contains("Busto Arsizio"), row.getText());
        List<String> territories = browser.findElements(By.cssSelector("select[name=territory] option")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Tutti", "Busto Arsizio (Ambito)"), territories);
        assertTrue(browser.findElement(By.cssSelector("section.status")).getText().contains("Consegne mancanti: 1"));
        browser.findElement(By.cssSelector("section.status summary")).click();
        assertTrue(browser.findElement(By.cssSelector("table.missing tbody")).getText().contains("Ambito Busto Arsizio"));
        screenshot("elenco");

        browser.findElement(By.linkText("Apri il cruscotto")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/cruscotto/2026/AMBITO/" + BUSTO));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Cruscotto indicatori 2026"));
        assertEquals(4, browser.findElements(By.cssSelector("table.indicators tbody tr")).size());
        assertEquals(3, browser.findElements(By.cssSelector("svg.chart")).size(), "one trend chart per indicator with values");
        assertEquals("nessun valore nel triennio", browser.findElement(By.cssSelector("span.no-trend")).getText());
        String reached = color("td span.status-raggiunto"), missed = color("td span.status-non-raggiunto");
        assertNotEquals(reached, missed, "statuses are coloured: the style sheet was allowed by the CSP and applied");
        screenshot("cruscotto");

        browser.findElement(By.cssSelector("p.meta a.download[href$='.pdf']")).click();
        Path pdf = downloads.resolve("cruscotto_2026_" + BUSTO + ".pdf");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(pdf));
        assertEquals(PDF_HEAD + path("cruscotto", "2026", "AMBITO", BUSTO, "pdf"), Files.readString(pdf));

        browser.get(url("/cruscotto/2026/AMBITO/" + SARONNO));
        assertEquals("Accesso non consentito", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.cssSelector("table.indicators")).isEmpty());

        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(url("/login")));
        browser.get(url("/"));
        assertEquals(url("/login"), browser.getCurrentUrl(), "after logout the list needs a new login");
    }

    @Test
    void anAsstPlannerComparesItsAmbitiAndAnAmbitoPlannerGetsTheRecordsOfItsOwnFiguresOnly() throws Exception {
        login("pianificatore.valleolona");
        browser.findElement(By.linkText("Apri il confronto")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/confronto/2026/ASST/" + VALLE_OLONA));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Confronto tra Ambiti 2026"));
        List<String> columns = browser.findElements(By.cssSelector("table.matrix thead th")).stream().map(WebElement::getText).toList();
        assertTrue(columns.containsAll(List.of("Busto Arsizio", "Saronno")), columns.toString());
        WebElement reached = browser.findElement(By.cssSelector("table.matrix td span.status-raggiunto"));
        assertTrue(reached.getText().strip().startsWith("80,0% ✓"), reached.getText());
        assertNotEquals(color("table.matrix td span.status-raggiunto"), color("table.matrix td span.status-non-raggiunto"));
        screenshot("confronto");
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(url("/login")));

        login("busto");
        browser.get(url("/cruscotto/2026/AMBITO/" + BUSTO));
        browser.findElement(By.cssSelector("a.records[href*='SAD-01'][href$='numerator']")).click();
        Path csv = downloads.resolve("spiegazione_" + BUSTO + "_2026_SAD-01_numerator.csv");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("indicator,year,level,territory,part,unit,contribution,sender,record_type,record_id,delivery,file,line", lines.get(0));
        assertEquals(3, lines.size(), "the two records of the numerator: " + lines);
        browser.get(url("/spiegazioni/2026/AMBITO/" + SARONNO + "?indicatore=SAD-01&parte=numerator"));
        assertEquals("Accesso non consentito", browser.findElement(By.tagName("h1")).getText());
        assertFalse(Files.exists(downloads.resolve("spiegazione_" + SARONNO + "_2026_SAD-01_numerator.csv")), "nothing downloaded");
        browser.get(url("/cruscotto/2026/ASST/" + VALLE_OLONA));
        assertTrue(browser.findElements(By.cssSelector("a.records")).isEmpty(), "no records above the Ambito");
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(url("/login")));
    }

    @Test
    void onAPhoneThePagesFitTheScreen() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            login("pianificatore.valleolona");
            assertFitsWidth("list");
            browser.findElement(By.cssSelector("section.status summary")).click();
            assertFitsWidth("list with the missing deliveries");
            screenshot("elenco-telefono");
            browser.get(url("/cruscotto/2026/ASST/" + VALLE_OLONA));
            assertFitsWidth("dashboard");
            assertFalse(browser.findElement(By.cssSelector("table.indicators thead")).isDisplayed(), "column headers give way to labels");
            screenshot("cruscotto-telefono");
            browser.get(url("/confronto/2026/ASST/" + VALLE_OLONA));
            assertFitsWidth("comparison");
            screenshot("confronto-telefono");
            browser.get(url("/esiti"));
            assertFitsWidth("esiti");
            browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    @Test
    void everyPageMeetsWcag21AaOnADesktopAndAPhone() {
        List<AccessibilityCheck.Violation> found = new ArrayList<>();
        try {
            for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
                browser.manage().window().setSize(size);
                String device = size.getWidth() < 700 ? "telefono" : "desktop";
                browser.get(url("/login"));
                found.addAll(AccessibilityCheck.violations(browser, "accesso, " + device));
                assertFieldsStandOut("accesso, " + device, "input#username");
                browser.findElement(By.name("username")).sendKeys("nessuno");
                browser.findElement(By.name("password")).sendKeys("password-sbagliata");
                browser.findElement(By.cssSelector("form[action='/login'] button")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("p.error")).isEmpty());
                found.addAll(AccessibilityCheck.violations(browser, "accesso non riuscito, " + device));

                login("pianificatore.valleolona");
                browser.findElement(By.cssSelector("section.status summary")).click();
                found.addAll(AccessibilityCheck.violations(browser, "elenco con consegne mancanti, " + device));
                assertFieldsStandOut("elenco, " + device, "select[name=report]");
                browser.get(url("/?report=cruscotto&period=2099"));
                found.addAll(AccessibilityCheck.violations(browser, "elenco filtrato vuoto, " + device));
                browser.get(url("/cruscotto/2026/ASST/" + VALLE_OLONA));
                found.addAll(AccessibilityCheck.violations(browser, "cruscotto, " + device));
                browser.get(url("/cruscotto/2026/AMBITO/" + SARONNO));
                found.addAll(AccessibilityCheck.violations(browser, "cruscotto di un Ambito con i record, " + device));
                browser.get(url("/confronto/2026/ASST/" + VALLE_OLONA));
                found.addAll(AccessibilityCheck.violations(browser, "confronto tra Ambiti, " + device));
                browser.get(url("/esiti"));
                found.addAll(AccessibilityCheck.violations(browser, "esiti delle consegne, " + device));
                browser.get(url("/cruscotto/2026/AMBITO/" + ALTO_MILANESE));
                found.addAll(AccessibilityCheck.violations(browser, "accesso non consentito, " + device));
                browser.get(url("/inesistente"));
                found.addAll(AccessibilityCheck.violations(browser, "pagina non trovata, " + device));
                browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(url("/login")));
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
        found.stream().filter(v -> !v.blocking()).forEach(v -> System.out.println("axe-core, not blocking: " + v));
        List<AccessibilityCheck.Violation> blocking = found.stream().filter(AccessibilityCheck.Violation::blocking).toList();
        assertTrue(blocking.isEmpty(), "serious or critical accessibility violations:\n"
                + blocking.stream().map(Object::toString).collect(java.util.stream.Collectors.joining("\n")));
    }

    /** A form field's outline against its background, 3:1 at least (WCAG 1.4.11 non-text contrast: axe-core does not check it). */
    static void assertFieldsStandOut(String page, String css) {
        WebElement field = browser.findElement(By.cssSelector(css));
        double ratio = AccessibilityCheck.contrast(field.getCssValue("border-top-color"), field.getCssValue("background-color"));
        assertTrue(ratio >= 3, page + ": the border of " + css + " has a contrast of " + String.format("%.2f", ratio) + ":1");
    }

    static void assertFitsWidth(String page) {
        long scrollWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        assertTrue(scrollWidth <= viewport, page + " scrolls sideways: " + scrollWidth + " > " + viewport);
        WebElement logout = browser.findElement(By.cssSelector("form[action='/logout'] button"));
        assertTrue(logout.getRect().getX() + logout.getRect().getWidth() <= viewport, page + ": the logout button is cut off");
    }

    static String color(String css) {
        return browser.findElement(By.cssSelector(css)).getCssValue("background-color");
    }

    /** The whole page (the window is stretched to its height for the shot), when -Dportal.screenshots is set. */
    static void screenshot(String name) {
        String dir = System.getProperty("portal.screenshots");
        if (dir == null || dir.isBlank()) return;
        Dimension size = browser.manage().window().getSize();
        try {
            long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, Math.max(size.getHeight(), height + 150))));
            Path target = Files.createDirectories(Path.of(dir)).resolve(name + ".png");
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name, e);
        } finally {
            browser.manage().window().setSize(size);
        }
    }
}
