package org.phyle.node.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, driven by Playwright, for the browser tests. Playwright never downloads a browser. Where no
 * Chromium is installed the browser tests are skipped with a message saying how to install it, except when
 * {@code PHYLE_REQUIRE_BROWSER=1} (as CI sets it): then a missing browser fails the build.
 */
public final class Chromium {
    private Chromium() {
    }

    /** The browser executable: $PHYLE_CHROMIUM, or /usr/bin/chromium. */
    public static Path executable() {
        String configured = System.getenv("PHYLE_CHROMIUM");
        Path path = Path.of(configured != null ? configured : "/usr/bin/chromium");
        if (!Files.isExecutable(path)) {
            String message = "no Chromium at " + path + ": install it (Debian: apt-get install chromium) or set "
                    + "PHYLE_CHROMIUM to a Chromium executable";
            if ("1".equals(System.getenv("PHYLE_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("SKIPPING browser tests: " + message);
            Assumptions.abort(message);
        }
        return path;
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }
}
