package org.phyle.node.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.phyle.node.Node;
import org.phyle.node.http.ApiServer;

/**
 * Runs a node and its HTTP server until the process is asked to stop (Ctrl-C, SIGTERM), then shuts down cleanly; or
 * until the sequencer fails (storage), then stops serving at once and exits 1 with the reason.
 */
final class NodeRunner {
    private NodeRunner() {
    }

    /** Serves until stopped; returns the exit code: 0 after a clean stop, 1 after a sequencer failure. */
    static int serve(Node node, String host, int port) throws InterruptedException {
        node.start();
        ApiServer server;
        try {
            server = new ApiServer(node).start(host, port);
        } catch (RuntimeException e) {
            node.close();
            throw new IllegalStateException("cannot serve on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        node.dataDirLock().servingOn(server.port());
        CompletableFuture<Throwable> stopped = new CompletableFuture<>();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                server.close();
                node.close();
            }
        };
        Thread hook = new Thread(() -> {
            System.err.println("Stopping: finishing waiting transactions and writing a snapshot...");
            shutdown.run();
            stopped.complete(null);
        }, "phyle-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        node.whenFailed().thenAccept(stopped::complete);
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        System.out.println("Phyle node for \"" + node.read(s -> s.name()) + "\" at block " + node.head().height()
                + " is serving on http://" + shown + ":" + server.port() + "/");
        System.out.println("  API: http://" + shown + ":" + server.port() + ApiServer.PREFIX + "/openapi.json"
                + "   Stop with Ctrl-C.");
        Throwable failure;
        try {
            failure = stopped.get();
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e.getCause();
        }
        if (failure == null) {
            return 0;
        }
        System.err.println("phyle: the node STOPPED: the sequencer failed: " + rootMessage(failure));
        System.err.println("  Every transaction in flight was refused (NODE_FAILED); none of them is on the ledger.");
        System.err.println("  Fix the cause, then start the node again: it recovers from the durable ledger.");
        // the refusals were just handed to the HTTP threads: let them reach their clients before the server stops
        // (new submissions are refused with NODE_FAILED meanwhile)
        Thread.sleep(2_000);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        shutdown.run();
        return 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
