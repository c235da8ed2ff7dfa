package org.phyle.node.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.Callback;

/**
 * An overall deadline for a request to arrive. The server's idle timeout only bounds the pause between two bytes, so a
 * client that sends a byte every few seconds could hold a connection (and a thread's worth of buffers) forever. Once a
 * second this looks at every connection: one that has received bytes since its last complete request head, and has
 * not completed a request within the deadline, is answered 408 problem+json and closed. Time a handler of ours spends
 * (waiting for a block) does not count: no bytes arrive then.
 */
final class RequestDeadline implements AutoCloseable {
    private record Mark(long messagesIn, long bytesIn, long since) {
    }

    private final long deadlineMs;
    private final Iterable<Connector> connectors;
    private final Map<EndPoint, Mark> marks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "phyle-request-deadline");
        t.setDaemon(true);
        return t;
    });

    RequestDeadline(Iterable<Connector> connectors, long deadlineMs) {
        this.connectors = connectors;
        this.deadlineMs = deadlineMs;
    }

    RequestDeadline start() {
        long period = Math.max(100, Math.min(1000, deadlineMs / 4));
        timer.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    private void sweep() {
        long now = System.nanoTime() / 1_000_000;
        var open = new java.util.HashSet<EndPoint>();
        for (Connector c : connectors) {
            if (!(c instanceof AbstractConnector connector)) {
                continue;
            }
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                open.add(endPoint);
                check(endPoint, now);
            }
        }
        marks.keySet().retainAll(open);
    }

    private void check(EndPoint endPoint, long now) {
        Connection connection = endPoint.getConnection();
        if (connection == null) {
            return;
        }
        long messages = connection.getMessagesIn();
        long bytes = connection.getBytesIn();
        Mark mark = marks.get(endPoint);
        if (mark == null || mark.messagesIn() != messages || mark.bytesIn() == bytes) {
            // a request head was completed, or nothing arrived since the last one: the clock starts again
            marks.put(endPoint, new Mark(messages, bytes, now));
            return;
        }
        if (now - mark.since() > deadlineMs) {
            marks.remove(endPoint);
            expire(endPoint);
        }
    }

    private static void expire(EndPoint endPoint) {
        byte[] body = ProblemErrorHandler.body(408);
        byte[] head = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Problem.CONTENT_TYPE + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            endPoint.write(Callback.from(endPoint::close), ByteBuffer.wrap(head), ByteBuffer.wrap(body));
        } catch (RuntimeException e) {
            endPoint.close();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
