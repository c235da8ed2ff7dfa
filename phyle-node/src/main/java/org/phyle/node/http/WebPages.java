package org.phyle.node.http;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web app's pages: each path is an HTML document from the class path ({@code /web/...}) that loads its ES
 * modules from {@code /static}. There is no front-end build: what is in the resources is what the browser gets.
 */
final class WebPages {
    /** Path → HTML resource. */
    static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/", "/web/index.html");
    }

    private WebPages() {
    }

    static void register(JavalinConfig config) {
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
            byte[] html = resource(page.getValue());
            config.routes.get(page.getKey(), ctx -> ctx.contentType("text/html; charset=utf-8").result(html));
        }
    }

    static byte[] resource(String path) {
        try (InputStream in = WebPages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
