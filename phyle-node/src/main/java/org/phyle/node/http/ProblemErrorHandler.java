package org.phyle.node.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.phyle.core.RejectionCode;
import org.phyle.core.tx.TxCode;
import org.phyle.node.NodeCode;

/**
 * Answers the errors the HTTP server raises before any handler of ours runs (a path with bytes it refuses, a request
 * line or headers over its limits, a body that never arrives) as RFC 9457 problem+json, like every other refusal. The
 * server's own reason, which may name its classes or options, is never written; the sentence is ours.
 */
final class ProblemErrorHandler extends ErrorHandler {

    static RejectionCode codeFor(int status) {
        return switch (status) {
            case 404 -> NodeCode.NOT_FOUND;
            case 413 -> TxCode.BATCH_TOO_LARGE;
            default -> HttpCode.forStatus(status);
        };
    }

    static byte[] body(int status) {
        RejectionCode code = codeFor(status);
        Problem p = new Problem(code, HttpCode.sentenceFor(status), null);
        // the status the server chose is kept (a code's own status may differ, e.g. 400 for a bad header)
        var json = p.toJson().put("status", status);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object attribute = request.getAttribute(ERROR_STATUS);
        if (attribute instanceof Integer s) {
            status = s;
        }
        if (status < 400) {
            status = 500;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(status)), callback);
        return true;
    }
}
