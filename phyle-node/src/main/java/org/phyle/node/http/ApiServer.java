package org.phyle.node.http;

import static org.phyle.node.http.Requests.hashParam;
import static org.phyle.node.http.Requests.json;
import static org.phyle.node.http.Requests.longParam;
import static org.phyle.node.http.Requests.pathLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.phyle.core.Catalog;
import org.phyle.core.Rejection;
import org.phyle.core.RejectionCode;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxBatch;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.StrictJson;
import org.phyle.node.Committed;
import org.phyle.node.Node;
import org.phyle.node.NodeCode;
import org.phyle.node.ParallelDecoder;
import org.phyle.node.Receipt;
import org.phyle.node.TxStatus;
import org.phyle.node.store.StoredBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/JSON API under {@code /api/v1} and the web page, served by Javalin on virtual threads. Handlers are
 * small: parse, call the node, write a view. Every refusal is RFC 9457 problem+json with a stable code.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    public static final String PREFIX = "/api/v1";
    public static final int MAX_BATCH_TXS = 10_000;
    public static final long MAX_REQUEST_BYTES = 32L << 20;
    static final int MAX_PAGE = 1000;
    private static final long COMMIT_WAIT_MS = 30_000;
    /** How long a request may take to arrive in full (head and body), whatever the pauses between its bytes. */
    public static final long REQUEST_DEADLINE_MS = 20_000;
    /** The longest pause between two bytes of a request, or the longest a connection may stay idle. */
    public static final long IDLE_TIMEOUT_MS = 30_000;
    /** The most bytes of request line and headers together the server reads (Jetty's default, stated here). */
    public static final int MAX_HEADER_BYTES = 8192;

    /** Every route this server answers, for the OpenAPI test. */
    public record Route(String method, String path) {
    }

    private final Node node;
    private final long genesisTime;
    private final List<Route> routes = new ArrayList<>();
    private final byte[] openApi;
    private final WriteQuotas quotas;
    private AdmissionBudget budget = AdmissionBudget.DEFAULT.copy();
    private boolean quotasOn = true;
    private long requestDeadlineMs = REQUEST_DEADLINE_MS;
    private long idleTimeoutMs = IDLE_TIMEOUT_MS;
    private Javalin app;
    private RequestDeadline deadline;

    public ApiServer(Node node) {
        this.node = node;
        this.genesisTime = node.store().block(0).orElseThrow().time();
        this.openApi = WebPages.resource("/openapi.json");
        this.quotas = new WriteQuotas(node);
    }

    /**
     * Whether the charter's write quotas are enforced (the default). Only a node that exists to be measured, such as the
     * one {@code phyle bench ingest} starts for itself, turns them off.
     */
    public ApiServer writeQuotas(boolean on) {
        this.quotasOn = on;
        return this;
    }

    /** Sets, before {@link #start}, the admission budget of refused writes per connection and per address. */
    public ApiServer admissionBudget(double perConnection, double perConnectionPerSecond, double perAddress,
                                     double perAddressPerSecond) {
        this.budget = new AdmissionBudget(perConnection, perConnectionPerSecond, perAddress, perAddressPerSecond);
        return this;
    }

    public ApiServer start(String host, int port) {
        app = Javalin.create(this::configure);
        app.start(host, port);
        var server = app.jettyServer().server();
        for (var connector : server.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.AbstractConnector c) {
                c.setIdleTimeout(idleTimeoutMs);
            }
        }
        deadline = new RequestDeadline(java.util.Arrays.asList(server.getConnectors()), requestDeadlineMs).start();
        return this;
    }

    /** Sets, before {@link #start}, how long a request may take to arrive and how long a pause may last. */
    public ApiServer timeouts(long requestDeadlineMs, long idleTimeoutMs) {
        this.requestDeadlineMs = requestDeadlineMs;
        this.idleTimeoutMs = idleTimeoutMs;
        return this;
    }

    public int port() {
        return app.port();
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    @Override
    public void close() {
        if (deadline != null) {
            deadline.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    private void configure(JavalinConfig config) {
        config.concurrency.useVirtualThreads = true;
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new ProblemErrorHandler()));
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_HEADER_BYTES);
            http.setSendServerVersion(false);
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/web/static";
            files.location = Location.CLASSPATH;
        });
        // the map library of the land pages, from its WebJar (its files under /static/leaflet/dist/), served by this
        // node like our own files: the pages' Content-Security-Policy ('self') covers it and no request leaves the node
        config.staticFiles.add(files -> {
            files.hostedPath = "/static/leaflet";
            files.directory = WebJars.folder("leaflet");
            files.location = Location.CLASSPATH;
        });

        // a signed write is JSON: refusing any other media type also keeps a cross-origin page from posting one
        // without a CORS preflight (text/plain, form encodings). A comment's text (POST /texts/{digest}) is the
        // exact bytes its digest names, in any media type. No write is read from a connection or address whose budget
        // of refused writes is spent.
        config.routes.before(PREFIX + "/*", ctx -> {
            if (ctx.method() == HandlerType.POST) {
                if (ctx.path().equals(PREFIX + "/txs") || ctx.path().equals(PREFIX + "/txs/batch")) {
                    Requests.requireJson(ctx);
                }
                long wait = budget.retryAfter(address(ctx), connection(ctx));
                if (wait > 0) {
                    ctx.header("Retry-After", Long.toString(wait));
                    throw new Rejection(HttpCode.ADMISSION_LIMITED, "this connection or address has sent more refused "
                            + "writes than the node takes for now; it reads writes from it again in " + wait + " s");
                }
            }
        });
        get(config, "/health", this::health);
        get(config, "/checkpoint", this::checkpoint);
        get(config, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        get(config, "/society", ctx -> json(ctx, node.read(s -> Views.society(s, node.checkpointVerifier(),
                node.head(), genesisTime).put("now", node.config().clock().millis()))));
        get(config, "/state", this::state);
        post(config, "/txs", this::submitOne);
        post(config, "/txs/batch", this::submitBatch);
        get(config, "/txs/{id}", this::txStatus);
        get(config, "/txs/{id}/receipt", this::receipt);
        get(config, "/entries", this::entries);
        get(config, "/blocks", this::blocks);
        get(config, "/blocks/{height}", this::block);
        get(config, "/proofs/inclusion", this::inclusionProof);
        get(config, "/proofs/consistency", this::consistencyProof);
        Router router = new Router() {
            @Override
            public void get(String path, Handler handler) {
                ApiServer.this.get(config, path, handler);
            }

            @Override
            public void post(String path, Handler handler) {
                ApiServer.this.post(config, path, handler);
            }
        };
        new NotaryRoutes(node).register(router);
        new CitizenshipRoutes(node).register(router);
        new GovernanceRoutes(node).register(router);
        new CharterRoutes(node).register(router);
        new SortitionRoutes(node).register(router);
        new EconomyRoutes(node).register(router);
        new LandRoutes(node).register(router);
        new DiscussionRoutes(node).register(router);
        new InboxRoutes(node).register(router);
        get(config, "/problems", this::problems);
        get(config, "/problems/{code}", this::problem);

        WebPages.register(config, node);

        config.routes.exception(Rejection.class, (e, ctx) -> problem(ctx, Problem.of(e, ctx.path())));
        config.routes.exception(JsonProcessingException.class, (e, ctx) -> problem(ctx,
                new Problem(TxCode.MALFORMED, "not JSON: " + StrictJson.describe(e), ctx.path())));
        config.routes.exception(StrictJson.MalformedJsonException.class, (e, ctx) -> problem(ctx,
                new Problem(TxCode.MALFORMED, "not JSON: " + e.getMessage(), ctx.path())));
        // Javalin's own refusals (e.g. a body over its limit) carry its wording; ours replaces it
        config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
            // a page that is not there (Javalin answers it with a NotFoundResponse) gets the web app's page for that
            if (!(e.getStatus() == 404 && WebPages.notFound(ctx))) {
                serverProblem(ctx, e.getStatus());
            }
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, new Problem(HttpCode.INTERNAL, HttpCode.sentenceFor(500), ctx.path()));
        });
        // errors raised outside our handlers (no route, body over Jetty's limit, ...) get problem details too
        for (int status : new int[] {400, 404, 405, 408, 413, 414, 415, 431, 500, 503}) {
            config.routes.error(status, ctx -> {
                // a page that is not there gets the web app's page for that; anything else a problem
                if (!isProblem(ctx) && !(status == 404 && WebPages.notFound(ctx))) {
                    serverProblem(ctx, status);
                }
            });
        }
    }

    /** A problem for a status the server, not a handler of ours, decided. */
    private static void serverProblem(Context ctx, int status) {
        RejectionCode code = ProblemErrorHandler.codeFor(status);
        String detail = switch (status) {
            case 404 -> "no such resource: " + ctx.method() + " " + ctx.path();
            case 413 -> "the request is larger than " + MAX_REQUEST_BYTES + " bytes";
            default -> HttpCode.sentenceFor(status);
        };
        ctx.status(status).contentType(Problem.CONTENT_TYPE)
                .result(Requests.utf8(new Problem(code, detail, ctx.path()).toJson().put("status", status)));
    }

    private void get(JavalinConfig config, String path, Handler handler) {
        routes.add(new Route("get", PREFIX + path));
        config.routes.addHttpHandler(HandlerType.GET, PREFIX + path, handler);
    }

    private void post(JavalinConfig config, String path, Handler handler) {
        routes.add(new Route("post", PREFIX + path));
        config.routes.addHttpHandler(HandlerType.POST, PREFIX + path, handler);
    }

    // ---- handlers -----------------------------------------------------------------------------------------------

    private void health(Context ctx) {
        ObjectNode o = Views.object();
        var failure = node.failure();
        o.put("status", failure.isPresent() ? "failed" : node.isRunning() ? "ok" : "stopped");
        failure.ifPresent(f -> o.put("detail", f.getMessage()));
        o.put("height", node.head().height());
        o.put("treeSize", node.head().treeSize());
        o.put("pending", node.pendingCount());
        ctx.status(failure.isPresent() ? 503 : 200);
        json(ctx, o);
    }

    private void checkpoint(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result(node.head().checkpoint().getBytes(StandardCharsets.UTF_8));
    }

    private void state(Context ctx) {
        Node.StateClaim claim = node.stateClaim();
        json(ctx, Views.object().put("height", claim.height()).put("treeSize", claim.treeSize())
                .put("digest", claim.digest().hex()));
    }

    private void submitOne(Context ctx) throws InterruptedException {
        try {
            admitOne(ctx);
        } catch (Rejection r) {
            if (Problem.statusOf(r.code()) < 500) {
                budget.refused(address(ctx), connection(ctx), 1);
            }
            throw r;
        }
    }

    private void admitOne(Context ctx) throws InterruptedException {
        // the decoder refuses more than twice the society's limit (whitespace allowance) before parsing; reading stops there
        byte[] body = Requests.body(ctx, 2L * node.decoder().maxBytes(), TxCode.TOO_LARGE,
                "a transaction (with whitespace around it)");
        VerifiedTx tx = BatchItems.decodeAlone(node.decoder(), body);
        WriteQuotas.Refusal refusal = quotasOn ? quotas.admit(List.of(tx.signer())).get(0) : null;
        if (refusal != null) {
            ctx.header("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            ObjectNode p = Problem.of(refusal.rejection(), ctx.path()).toJson();
            p.set("quota", quota(refusal));
            ctx.status(429).contentType(Problem.CONTENT_TYPE).result(Requests.utf8(p));
            budget.refused(address(ctx), connection(ctx), 1);
            return;
        }
        CompletableFuture<Committed> result = node.submit(tx);
        if ("false".equals(ctx.queryParam("wait"))) {
            ctx.status(202);
            json(ctx, pending(tx.id()));
            return;
        }
        try {
            Committed c = result.get(COMMIT_WAIT_MS, TimeUnit.MILLISECONDS);
            json(ctx, committed(c));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Rejection r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            ctx.status(202);
            json(ctx, pending(tx.id()));
        }
    }

    private void submitBatch(Context ctx) throws InterruptedException {
        try {
            admitBatch(ctx);
        } catch (Rejection r) {
            if (Problem.statusOf(r.code()) < 500) {
                budget.refused(address(ctx), connection(ctx), 1);
            }
            throw r;
        }
    }

    private void admitBatch(Context ctx) throws InterruptedException {
        List<String> envelopes = BatchItems.split(
                Requests.body(ctx, MAX_REQUEST_BYTES, TxCode.BATCH_TOO_LARGE, "a batch"), MAX_BATCH_TXS);
        // each item is size-checked (BatchItems.checked) before it is parsed, inside the batch decoder, so that its
        // refusal is that item's result
        List<ParallelDecoder.Result<VerifiedTx>> decoded = node.verifier().decodeChunks(envelopes,
                chunk -> ParallelDecoder.results(TxBatch.decodeAllOf(node.decoder(), chunk,
                        item -> BatchItems.checked(node.decoder(), item))));

        List<ObjectNode> results = new ArrayList<>(envelopes.size());
        List<CompletableFuture<Committed>> futures = new ArrayList<>(envelopes.size());
        List<VerifiedTx> verified = new ArrayList<>(envelopes.size());
        List<Integer> verifiedAt = new ArrayList<>(envelopes.size());
        for (int i = 0; i < decoded.size(); i++) {
            ParallelDecoder.Result<VerifiedTx> r = decoded.get(i);
            ObjectNode item = Views.object().put("index", i);
            results.add(item);
            futures.add(null);
            if (!r.ok()) {
                rejected(item, r.rejection());
                continue;
            }
            item.put("txId", r.value().id().hex());
            verified.add(r.value());
            verifiedAt.add(i);
        }
        long retryAfter = 0;
        if (quotasOn && !verified.isEmpty()) {
            List<WriteQuotas.Refusal> refusals = quotas.admit(verified.stream().map(VerifiedTx::signer).toList());
            List<VerifiedTx> admitted = new ArrayList<>(verified.size());
            List<Integer> admittedAt = new ArrayList<>(verified.size());
            for (int k = 0; k < verified.size(); k++) {
                WriteQuotas.Refusal refusal = refusals.get(k);
                if (refusal == null) {
                    admitted.add(verified.get(k));
                    admittedAt.add(verifiedAt.get(k));
                } else {
                    ObjectNode item = results.get(verifiedAt.get(k));
                    rejected(item, refusal.rejection());
                    item.set("quota", quota(refusal));
                    retryAfter = Math.max(retryAfter, refusal.retryAfterSeconds());
                }
            }
            verified = admitted;
            verifiedAt = admittedAt;
        }
        if (retryAfter > 0) {
            ctx.header("Retry-After", Long.toString(retryAfter));
        }
        List<Object> queued = node.submitAll(verified);
        for (int k = 0; k < queued.size(); k++) {
            int i = verifiedAt.get(k);
            switch (queued.get(k)) {
                case Rejection rejection -> rejected(results.get(i), rejection);
                case CompletableFuture<?> f -> futures.set(i, castCommitted(f));
                default -> throw new IllegalStateException("unexpected admission result");
            }
        }
        boolean wait = !"false".equals(ctx.queryParam("wait"));
        long deadline = System.currentTimeMillis() + COMMIT_WAIT_MS;
        int committed = 0;
        int rejected = 0;
        for (int i = 0; i < futures.size(); i++) {
            ObjectNode item = results.get(i);
            CompletableFuture<Committed> f = futures.get(i);
            if (f == null) {
                rejected++;
                continue;
            }
            if (!wait) {
                item.put("status", "pending");
                continue;
            }
            try {
                Committed c = f.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                item.put("status", "committed").put("height", c.height()).put("leafIndex", c.leafIndex());
                committed++;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Rejection rejection) {
                    rejected(item, rejection);
                    rejected++;
                } else {
                    throw new IllegalStateException(e.getCause());
                }
            } catch (TimeoutException e) {
                item.put("status", "pending");
            }
        }
        ObjectNode out = Views.object();
        out.put("committed", committed);
        out.put("rejected", rejected);
        out.put("pending", envelopes.size() - committed - rejected);
        ArrayNode items = out.putArray("results");
        results.forEach(items::add);
        budget.refused(address(ctx), connection(ctx), rejected);
        ctx.status(wait ? 200 : 202);
        json(ctx, out);
    }

    private static String address(Context ctx) {
        return ctx.req().getRemoteAddr();
    }

    private static String connection(Context ctx) {
        return ctx.req().getRemoteAddr() + " " + ctx.req().getRemotePort();
    }

    private static ObjectNode quota(WriteQuotas.Refusal r) {
        return Views.object().put("standing", r.standing().name().toLowerCase(java.util.Locale.ROOT))
                .put("scope", r.scope()).put("limit", r.limit()).put("periodSeconds", r.periodSeconds())
                .put("retryAfterSeconds", r.retryAfterSeconds());
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Committed> castCommitted(CompletableFuture<?> f) {
        return (CompletableFuture<Committed>) f;
    }

    private static void rejected(ObjectNode item, Rejection r) {
        item.put("status", "rejected").put("code", r.code().name()).put("httpStatus", Problem.statusOf(r.code()))
                .put("detail", r.getMessage());
    }

    private static ObjectNode committed(Committed c) {
        return Views.object().put("txId", c.txId().hex()).put("status", "committed").put("height", c.height())
                .put("leafIndex", c.leafIndex()).put("receipt", PREFIX + "/txs/" + c.txId().hex() + "/receipt");
    }

    private static ObjectNode pending(Hash id) {
        return Views.object().put("txId", id.hex()).put("status", "pending").put("statusUrl", PREFIX + "/txs/" + id.hex());
    }

    private void txStatus(Context ctx) {
        Hash id = hashParam(ctx, "id");
        ObjectNode o = Views.object().put("txId", id.hex());
        switch (node.status(id)) {
            case TxStatus.Pending p -> o.put("status", "pending");
            case TxStatus.Committed c -> o.put("status", "committed").put("height", c.height())
                    .put("leafIndex", c.leafIndex()).put("receipt", PREFIX + "/txs/" + id.hex() + "/receipt");
            case TxStatus.Rejected r -> o.put("status", "rejected").put("code", r.rejection().code().name())
                    .put("detail", r.rejection().getMessage());
            case TxStatus.Unknown u -> throw new Rejection(NodeCode.NOT_FOUND, "no transaction " + id.hex()
                    + " on this node");
        }
        json(ctx, o);
    }

    private void receipt(Context ctx) {
        Hash id = hashParam(ctx, "id");
        Receipt r = node.receipt(id).orElseThrow(() -> new Rejection(NodeCode.NOT_FOUND,
                "transaction " + id.hex() + " is not in the log" + (node.status(id) instanceof TxStatus.Pending
                        ? " yet: it is waiting for a block" : "")));
        json(ctx, Views.receipt(r));
    }

    private void entries(Context ctx) {
        long size = node.head().treeSize();
        long start = longParam(ctx, "start", 0L, 0, size);
        long end = longParam(ctx, "end", Math.min(size, start + 100), start, size);
        if (end - start > MAX_PAGE) {
            throw new Rejection(NodeCode.BAD_REQUEST, "at most " + MAX_PAGE + " entries per request");
        }
        ArrayNode items = Views.array();
        long leaf = start;
        for (byte[] e : node.store().entries(start, end)) {
            items.add(Views.entry(leaf++, e));
        }
        ObjectNode out = Views.object().put("start", start).put("end", end).put("treeSize", size);
        out.set("entries", items);
        json(ctx, out);
    }

    private void blocks(Context ctx) {
        long count = node.head().height() + 1;
        int limit = (int) longParam(ctx, "limit", 20L, 1, MAX_PAGE);
        boolean full = "true".equals(ctx.queryParam("full"));
        List<StoredBlock> blocks;
        if (ctx.queryParam("from") != null) {
            long from = longParam(ctx, "from", 0L, 0, count);
            blocks = node.store().blocks(from, Math.min(count, from + limit));
        } else {
            long before = longParam(ctx, "before", count, 0, count);
            blocks = new ArrayList<>(node.store().blocks(Math.max(0, before - limit), before));
            java.util.Collections.reverse(blocks);
        }
        ArrayNode items = Views.array();
        blocks.forEach(b -> items.add(Views.block(b, full)));
        ObjectNode out = Views.object().put("height", count - 1);
        out.set("blocks", items);
        json(ctx, out);
    }

    private void block(Context ctx) {
        long height = pathLong(ctx, "height");
        StoredBlock b = node.store().block(height).filter(x -> x.height() <= node.head().height())
                .orElseThrow(() -> new Rejection(NodeCode.NOT_FOUND, "no block " + height));
        ObjectNode o = Views.block(b, true);
        ArrayNode ids = o.putArray("txIds");
        for (byte[] e : node.store().entries(b.firstLeaf(), b.endLeaf())) {
            ids.add(Hash.sha256(org.phyle.crypto.Jcs.canonicalize(StrictJson.parse(e).get("payload"))).hex());
        }
        json(ctx, o);
    }

    private void inclusionProof(Context ctx) {
        long size = longParam(ctx, "treeSize", node.head().treeSize(), 1, node.head().treeSize());
        long leaf = longParam(ctx, "leaf", null, 0, size - 1);
        ObjectNode o = Views.object().put("leaf", leaf).put("treeSize", size)
                .put("leafHash", node.merkle().leafHash(leaf).hex()).put("root", node.merkle().root(size).hex());
        o.set("proof", Views.hashes(node.merkle().inclusionProof(leaf, size)));
        json(ctx, o);
    }

    private void consistencyProof(Context ctx) {
        long to = longParam(ctx, "to", node.head().treeSize(), 0, node.head().treeSize());
        long from = longParam(ctx, "from", null, 0, to);
        ObjectNode o = Views.object().put("from", from).put("to", to)
                .put("fromRoot", node.merkle().root(from).hex()).put("toRoot", node.merkle().root(to).hex());
        o.set("proof", Views.hashes(node.merkle().consistencyProof(from, to)));
        json(ctx, o);
    }

    private void problems(Context ctx) {
        ArrayNode a = Views.array();
        for (RejectionCode c : allCodes()) {
            a.add(describe(c));
        }
        ObjectNode o = Views.object();
        o.set("problems", a);
        json(ctx, o);
    }

    private void problem(Context ctx) {
        String name = ctx.pathParam("code");
        for (RejectionCode c : allCodes()) {
            if (c.name().equals(name)) {
                json(ctx, describe(c));
                return;
            }
        }
        throw new Rejection(NodeCode.NOT_FOUND, "no problem code " + name);
    }

    static List<RejectionCode> allCodes() {
        List<RejectionCode> all = new ArrayList<>(Catalog.CODES);
        all.addAll(List.of(NodeCode.values()));
        all.addAll(List.of(HttpCode.values()));
        return all;
    }

    private static ObjectNode describe(RejectionCode c) {
        return Views.object().put("code", c.name()).put("type", Problem.TYPE_BASE + c.name())
                .put("title", Problem.title(c)).put("status", Problem.statusOf(c)).put("meaning", c.meaning());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static void problem(Context ctx, Problem p) {
        ctx.status(p.status()).contentType(Problem.CONTENT_TYPE).result(Requests.utf8(p.toJson()));
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }
}
