package io.audience.form;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A fictional shop's static site on another origin than Audience's, where a form's snippet is pasted. */
final class ShopSite implements AutoCloseable {

    private final HttpServer shop;

    private ShopSite(HttpServer shop) {
        this.shop = shop;
    }

    static ShopSite start() throws IOException {
        HttpServer shop =
                HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        shop.start();
        return new ShopSite(shop);
    }

    String origin() {
        return "http://127.0.0.1:" + shop.getAddress().getPort();
    }

    /** Serves the shop's page with the form's embed HTML pasted into it, at /. */
    void serve(String embed) {
        byte[] bytes = page(embed).getBytes(StandardCharsets.UTF_8);
        shop.createContext("/", exchange -> {
            try {
                if (!exchange.getRequestURI().getPath().equals("/")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } finally {
                exchange.close();
            }
        });
    }

    /** A fictional shop's page with the form's embed HTML pasted into it, as its owner would. */
    private static String page(String embed) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Corner Bakery</title>
                <style>
                  body { font-family: Georgia, serif; margin: 0; background: #fbf6ee; color: #3b2a1a; }
                  header { background: #7a4b24; color: #fff; padding: 1rem 2rem; }
                  main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
                  aside { background: #fff; border: 1px solid #e4d6c3; padding: 1rem 1.5rem; }
                </style>
                </head>
                <body>
                <header><h1>Corner Bakery</h1></header>
                <main>
                <p>Sourdough, rye and cinnamon buns, baked every morning since 1987.</p>
                <aside>
                <h2>Our weekly news</h2>
                %s
                </aside>
                </main>
                </body>
                </html>
                """.formatted(embed);
    }

    @Override
    public void close() {
        shop.stop(0);
    }
}
