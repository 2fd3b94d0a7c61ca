package com.thewans.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The web app's player page as the watch-flow test serves it, with hls.js from its webjar (never
 * the internet), on http://localhost:3000: an origin the gateway's CORS allows. Browsers are
 * Debian's {@code chromium}, driven through its {@code chromium-driver}; missing either fails the test
 * ({@code ./wans test} installs both when it runs as root).
 */
final class WatchPage implements AutoCloseable {

    static final int PORT = 3000;
    static final String HLS_JS = "META-INF/resources/webjars/hls.js/1.4.12/dist/hls.min.js";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final HttpServer server;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    WatchPage() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", PORT), 0);
        server.createContext("/watch.html", exchange -> serve(exchange, "watch/watch.html", "text/html"));
        server.createContext("/hls.min.js", exchange -> serve(exchange, HLS_JS, "text/javascript"));
        server.start();
    }

    String url() {
        return "http://localhost:" + PORT + "/watch.html";
    }

    /** A fresh headless Chromium with the page open. */
    ChromeDriver openBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The watch-flow test needs Debian's chromium and chromium-driver packages "
                    + "(apt-get install chromium chromium-driver; ./wans test installs them as root)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--mute-audio",
                "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + Files.createTempDirectory("wans-chromium"),
                // the embedded S3 store answers no CORS headers (a real bucket or CDN is configured with
                // the web app's origins), and hls.js fetches segments from it with XHR
                "--disable-web-security");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        browsers.add(browser);
        browser.get(url());
        return browser;
    }

    @Override
    public void close() {
        browsers.forEach(ChromeDriver::quit);
        server.stop(0);
    }

    private static void serve(HttpExchange exchange, String resource, String type) throws IOException {
        try (InputStream in = WatchPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("not on the test classpath: " + resource));
            }
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } finally {
            exchange.close();
        }
    }
}
