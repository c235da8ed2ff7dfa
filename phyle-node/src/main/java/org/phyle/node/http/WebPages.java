package org.phyle.node.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.phyle.node.Node;
import org.phyle.node.demo.DemoHints;

/**
 * The web app's pages. Each page is the {@code <main>} of an HTML file from the class path ({@code /web/...}) put
 * into the shared frame {@code /web/layout.html} (header, navigation, backup reminder, footer) once, at start-up,
 * with its ES module ({@code /static/js/...}) and its navigation link marked as the current page. There is no
 * front-end build: what is in the resources is what the browser gets.
 *
 * <p>Every page is served with a Content-Security-Policy that allows scripts, styles and requests from this node
 * only: a page that signs with the citizen's key runs no code from anywhere else.
 */
final class WebPages {
    /**
     * A page: its path, its id, its HTML, its module, and the {@code data-nav} of the navigation link marked as the
     * current page (its own id, or the section it belongs to, as a wallet belongs to the economy).
     */
    record Page(String path, String id, String resource, String script, String nav) {
        Page(String path, String id, String resource, String script) {
            this(path, id, resource, script, id);
        }
    }

    static final List<Page> PAGES = List.of(
            new Page("/", "home", "/web/index.html", "home-page.js"),
            new Page("/join", "join", "/web/join.html", "join-page.js"),
            new Page("/me", "me", "/web/me.html", "me-page.js"),
            new Page("/inbox", "inbox", "/web/inbox.html", "inbox-page.js"),
            new Page("/citizens", "citizens", "/web/citizens.html", "citizens-page.js"),
            new Page("/proposals", "proposals", "/web/proposals.html", "proposals-page.js"),
            new Page("/charter", "charter", "/web/charter.html", "charter-page.js"),
            new Page("/draws", "draws", "/web/draws.html", "draws-page.js"),
            new Page("/economy", "economy", "/web/economy.html", "economy-page.js"),
            new Page("/wallet", "wallet", "/web/wallet.html", "wallet-page.js", "economy"),
            new Page("/ledger", "ledger", "/web/ledger.html", "ledger-page.js"),
            new Page("/rounds", "rounds", "/web/rounds.html", "rounds-page.js", "economy"),
            new Page("/campaigns", "campaigns", "/web/campaigns.html", "campaigns-page.js", "economy"),
            new Page("/land", "land", "/web/land.html", "land-page.js"),
            new Page("/parcel", "parcel", "/web/parcel.html", "parcel-page.js", "land"),
            new Page("/building", "building", "/web/building.html", "building-page.js", "land"),
            new Page("/glossary", "glossary", "/web/glossary.html", "glossary-page.js"));

    /** The page for an unknown address outside the API: the frame, no current navigation link. */
    static final Page NOT_FOUND = new Page(null, "notfound", "/web/notfound.html", "notfound-page.js");

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";

    private WebPages() {
    }

    private static byte[] notFoundHtml;

    static void register(JavalinConfig config, Node node) {
        String layout = new String(resource("/web/layout.html"), StandardCharsets.UTF_8);
        Optional<DemoHints.Citizen> demo = DemoHints.citizen(node, node.config().dataDir());
        for (Page page : PAGES) {
            String rendered = render(layout, page);
            if (page.id().equals("home")) {
                rendered = demoHint(rendered, demo);
            }
            String template = rendered;
            byte[] plain = template.replace("{{ssr}}", "").getBytes(StandardCharsets.UTF_8);
            config.routes.get(page.path(), ctx -> {
                // the page's content as HTML, for a browser without scripts; the script replaces it
                String ssr = ServerPages.render(page.id(), ctx);
                html(ctx, ssr.isEmpty() && !ServerWords.portuguese(ctx) ? plain : ServerWords.translate(template
                        .replace("<body data-page=", ssr.isEmpty() ? "<body data-page=" : "<body data-ssr data-page=")
                        .replace("{{ssr}}", ssr), ctx).getBytes(StandardCharsets.UTF_8));
            });
        }
        notFoundHtml = render(layout, NOT_FOUND).replace("{{ssr}}", "").getBytes(StandardCharsets.UTF_8);
        byte[] icon = resource("/web/static/favicon.svg");
        // browsers ask for /favicon.ico on any page, the API's JSON included
        config.routes.get("/favicon.ico", ctx -> ctx.header("Cache-Control", "max-age=86400")
                .contentType("image/svg+xml").result(icon));
    }

    private static void html(Context ctx, byte[] html) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .header("Vary", "Accept-Language")
                .contentType("text/html; charset=utf-8").result(html);
    }

    /**
     * Answers a 404 outside the API and the static files with the web app's "no such page" (status 404 kept), and
     * says whether it did; the API's own 404s stay problem details.
     */
    static boolean notFound(Context ctx) {
        String path = ctx.path();
        if (notFoundHtml == null || path.startsWith("/api/") || path.startsWith("/static/")
                || !"GET".equals(ctx.method().name())) {
            return false;
        }
        html(ctx.status(404), ServerWords.translate(new String(notFoundHtml, StandardCharsets.UTF_8), ctx)
                .getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** The home page of a demo shows how to act as one of its citizens (a citizen's name and the export command). */
    static String demoHint(String html, Optional<DemoHints.Citizen> demo) {
        if (demo.isEmpty()) {
            return html.replace("{{demoName}}", "").replace("{{demoCommand}}", "").replace("{{demoPeople}}", "");
        }
        DemoHints.Citizen c = demo.get();
        return html.replace("id=\"demo-hint\" hidden", "id=\"demo-hint\"")
                .replace("{{demoName}}", escape(c.name()))
                .replace("{{demoCommand}}", escape(c.exportCommand()))
                .replace("{{demoPeople}}", escape(c.people().toString()));
    }

    /** Text made safe to put in HTML content or a quoted attribute. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** The layout with the page's main content, module and id filled in. */
    static String render(String layout, Page page) {
        String main = new String(resource(page.resource()), StandardCharsets.UTF_8);
        String nav = "data-nav=\"" + page.nav() + "\"";
        if (page.path() != null && !layout.contains(nav)) {
            throw new IllegalStateException("the layout has no navigation link " + nav);
        }
        // a block for the content rendered on the server, first in <main>
        String withSsr = main.strip().replaceFirst("(<main[^>]*>)", "$1\n    <div id=\"ssr\" class=\"ssr\">{{ssr}}</div>");
        return layout.replace("{{script}}", page.script())
                .replace("{{page}}", page.id())
                .replace(nav, nav + " aria-current=\"page\"")
                .replace("{{main}}", withSsr);
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
