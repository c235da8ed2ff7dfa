package org.phyle.node.cli;

import java.util.concurrent.CountDownLatch;
import org.phyle.node.Node;
import org.phyle.node.http.ApiServer;

/** Runs a node and its HTTP server until the process is asked to stop (Ctrl-C, SIGTERM), then shuts down cleanly. */
final class NodeRunner {
    private NodeRunner() {
    }

    static void serve(Node node, String host, int port) throws InterruptedException {
        node.start();
        ApiServer server;
        try {
            server = new ApiServer(node).start(host, port);
        } catch (RuntimeException e) {
            node.close();
            throw new IllegalStateException("cannot serve on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Stopping: finishing waiting transactions and writing a snapshot...");
            server.close();
            node.close();
            stopped.countDown();
        }, "phyle-shutdown"));
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        System.out.println("Phyle node for \"" + node.read(s -> s.name()) + "\" at block " + node.head().height()
                + " is serving on http://" + shown + ":" + server.port() + "/");
        System.out.println("  API: http://" + shown + ":" + server.port() + ApiServer.PREFIX + "/openapi.json"
                + "   Stop with Ctrl-C.");
        stopped.await();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
