package io.bulwark.localstack;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard ({@code /console/}) end to end in the machine's headless Chromium ({@value #CHROMIUM}) driven by
 * Playwright, against the shared whole stack ({@link EndToEndStack}: Kafka, S3Proxy, the machine's PostgreSQL for
 * the state and the Chinook source, the five service jars), on its own target {@value #TARGET}. A backup of it is
 * taken to VERIFIED through the API first; the tests then log
 * in with the admin token, read the targets, the backups table, a backup's page with its report, the charts and the
 * live activity, and request a new backup from the page and watch it reach VERIFIED there. Skipped (an assumption)
 * only when Chromium is not installed.
 */
@ExtendWith(EndToEndStack.Resolver.class)
class ConsoleIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> CHROMIUM_ARGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");
    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(6);
    /** How long the page may take for a backup requested in it to be dumped and verified (ms). */
    private static final double VERIFIED_IN_PAGE_MILLIS = BACKUP_TIMEOUT.toMillis();

    private static final double PAGE_MILLIS = 20_000;

    /** The dashboard's own target on the shared stack: its health and backups are these tests' alone. */
    static final String TARGET = "console";

    static Stack stack;
    static UUID backupId;
    /** A token of the viewer role: it may read everything and change nothing. */
    static String viewerToken;

    static Playwright playwright;
    static Browser browser;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void backUpTheConsoleTargetAndLaunchChromium(EndToEndStack e2e) {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "the dashboard's end-to-end test needs Chromium at " + CHROMIUM + " (apt-get install chromium)");
        stack = e2e.stack();
        viewerToken = e2e.viewerToken;
        SchedulerClient scheduler = stack.schedulerClient();
        backupId = scheduler.requestBackup(TARGET, "console");
        SchedulerClient.BackupStatus status = e2e.awaitFinal(backupId, BACKUP_TIMEOUT);
        assertThat(status.state()).as(status.json()).isEqualTo("VERIFIED");

        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.setDefaultTimeout(PAGE_MILLIS);
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
    }

    @Test
    void consoleAsksForATokenRefusesABadOneAndThenListsTheTargetAndItsVerifiedBackup() {
        page.navigate(stack.schedulerUrl() + "/console");

        assertThat(page).hasURL(Pattern.compile(".*/console/#/login$"));
        assertThat(page.locator("h1")).hasText("Log in");
        page.getByLabel("API token").fill("not-a-token-" + UUID.randomUUID());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page.locator("#login-status")).hasText("The token is missing or expired.");

        logIn();
        assertThat(page.locator("h1")).hasText("Targets");
        assertThat(page.locator("article[data-target='" + TARGET + "'] h2")).hasText(TARGET);

        page.locator("nav").getByText("Backups").click();
        Locator row = page.locator("#backups tr[data-backup='" + backupId + "']");
        assertThat(row).containsText(TARGET);
        assertThat(row).containsText("VERIFIED");
        assertThat(row).containsText("console");

        page.locator("#logout").click();
        assertThat(page).hasURL(Pattern.compile(".*#/login$"));
        assertThat(page.locator("#login-status")).hasText("You are logged out.");
        assertThat(page.evaluate("() => sessionStorage.getItem('bulwark.token')"))
                .as("the token is forgotten at log-out")
                .isNull();
    }

    @Test
    void aRequestedBackupIsFollowedInThePageUntilVerified() throws Exception {
        logIn();
        Locator card = page.locator("article[data-target='" + TARGET + "']");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request a backup"))
                .click();
        Locator requested = card.locator("a.requested");
        assertThat(requested).hasText(Pattern.compile("[0-9a-f-]{36}"));
        UUID newBackup = UUID.fromString(requested.textContent());
        assertThat(newBackup).isNotEqualTo(backupId);

        requested.click();
        assertThat(page.locator("h1")).hasText("Backup " + newBackup.toString().substring(0, 8));
        assertThat(page.locator("#backup-state"))
                .hasText("VERIFIED", new LocatorAssertions.HasTextOptions().setTimeout(VERIFIED_IN_PAGE_MILLIS));
        assertThat(page.locator("[role=status].live")).hasText("State: VERIFIED");

        Files.createDirectories(Path.of("target"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "console-e2e.png"))
                .setFullPage(true));

        // readable on a phone: nothing wider than a 390 px screen but the tables' own scrolling boxes
        page.setViewportSize(390, 844);
        page.navigate(stack.schedulerUrl() + "/console/#/backups");
        assertThat(page.locator("#backups tr[data-backup='" + newBackup + "']")).containsText("VERIFIED");
        assertThat(page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("how far the page is wider than a 390 px screen")
                .isEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "console-e2e-390.png")));
    }

    @Test
    void aViewerReadsTheBackupsButTheRequestButtonIsDisabledWithTheReasonOnceTheApiRefusedIt() {
        logIn(viewerToken);
        Locator card = page.locator("article[data-target='" + TARGET + "']");
        Locator request = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request a backup"));
        request.click();

        assertThat(request).isDisabled();
        assertThat(card.locator(".action-status")).hasText("Your token may not do this: it needs the operator role.");
        page.navigate(stack.schedulerUrl() + "/console/#/backups/" + backupId);
        assertThat(page.locator("#backup-state")).hasText("VERIFIED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify again"))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify again")))
                .isDisabled();
        page.navigate(stack.schedulerUrl() + "/console/#/targets");
        // the refusal is remembered for the session
        assertThat(page.locator("article[data-target='" + TARGET + "'] button[data-action='request-backup']"))
                .isDisabled();
    }

    /** Needs {@code GET /api/backups/{id}/report} and {@code /report.html} (the "activity" work). */
    @Test
    void aBackupsPageShowsItsFieldsItsVerificationReportAndItsActions() {
        logIn();
        page.navigate(stack.schedulerUrl() + "/console/#/backups/" + backupId);

        assertThat(page.locator("#backup-state")).hasText("VERIFIED");
        assertThat(page.locator("main")).containsText("console");
        assertThat(page.locator("#checks")).containsText("checksum");
        assertThat(page.locator("#checks")).containsText("row-counts");
        Locator frame = page.locator("iframe.report-frame");
        assertThat(frame).hasAttribute("sandbox", "");
        assertThat(page.frameLocator("iframe.report-frame").locator("body")).containsText("checksum");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify again")))
                .isEnabled();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore…")))
                .isEnabled();
        assertThat(page.locator("#restores-heading")).isVisible();
    }

    /** Needs {@code GET /api/targets} (the "stats" work): a backup verified minutes ago is well within the RPO. */
    @Test
    void theTargetCardShowsItsHealthInWords() {
        logIn();
        Locator card = page.locator("article[data-target='" + TARGET + "']");
        assertThat(card.locator(".badge-health-green")).hasText("GREEN");
        assertThat(card).containsText("Healthy");
        assertThat(card).containsText("Last verified");
    }

    /** Needs {@code GET /api/statistics} (the "stats" work). */
    @Test
    void theTargetsPageDrawsItsFourCharts() {
        logIn();
        page.navigate(stack.schedulerUrl() + "/console/#/targets/" + TARGET);

        for (String chart : List.of("chart-size", "chart-dump", "chart-restore", "chart-success")) {
            assertThat(page.locator("#" + chart + " canvas")).hasCount(1);
        }
        assertThat(page.locator("#chart-restore")).containsText("RTO");
        assertThat(page.locator("#windows")).containsText("Success rate");
    }

    /** Needs {@code GET /api/activity} (the "activity" work). */
    @Test
    void theActivityPageSaysWhatIsRunning() {
        logIn();
        page.navigate(stack.schedulerUrl() + "/console/#/activity");

        assertThat(page.locator("#activity-summary"))
                .hasText(Pattern.compile("\\d+ backups? and \\d+ restores? running\\."));
        assertThat(page.locator("#activity-summary")).hasAttribute("aria-live", "polite");
    }

    private void logIn() {
        logIn(stack.adminToken());
    }

    private void logIn(String token) {
        page.navigate(stack.schedulerUrl() + "/console/");
        assertThat(page).hasURL(Pattern.compile(".*#/login$"));
        page.getByLabel("API token").fill(token);
        page.getByLabel("API token").press("Enter");
        assertThat(page.locator("h1")).hasText("Targets");
    }
}
