package io.audience;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/** An integration test with a real headless Chromium ({@link Browser}), one per test. */
public abstract class BrowserIntegrationTest extends IntegrationTest {

    protected WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
