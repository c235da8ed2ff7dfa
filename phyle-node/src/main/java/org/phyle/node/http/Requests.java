package org.phyle.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.phyle.core.Rejection;
import org.phyle.crypto.Hash;
import org.phyle.node.NodeCode;

/** Reading request parameters strictly (a bad one is a BAD_REQUEST problem) and writing JSON answers. */
final class Requests {
    private Requests() {
    }

    /** JSON is UTF-8 (RFC 8259); written as bytes so that no default charset gets a say. */
    static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(utf8(body));
    }

    static byte[] utf8(JsonNode body) {
        return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The request body, refused as too large as soon as it passes {@code limit} bytes (by its declared length before a
     * byte is read), so that an oversized body costs no more than the bytes read up to the limit.
     */
    static byte[] body(Context ctx, long limit, org.phyle.core.RejectionCode code, String what) {
        long declared = ctx.contentLength();
        if (declared > limit) {
            throw new Rejection(code, what + " has at most " + limit + " bytes; this request declares " + declared);
        }
        try (java.io.InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new Rejection(code, what + " has at most " + limit + " bytes; this request has more");
            }
            return body;
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof Rejection r) {
                throw r;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.util.concurrent.TimeoutException) {
                    throw new Rejection(HttpCode.REQUEST_TIMEOUT, "the request body stopped arriving before it was complete");
                }
            }
            throw new Rejection(HttpCode.BODY_INCOMPLETE, "the request body did not arrive in full");
        }
    }

    /** Refuses a write that is not declared as JSON (application/json, optionally with charset=utf-8). */
    static void requireJson(Context ctx) {
        String type = ctx.header("Content-Type");
        String[] parts = type == null ? new String[] {""} : type.split(";");
        boolean json = parts[0].trim().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String parameter = parts[i].trim().toLowerCase(java.util.Locale.ROOT).replace("\"", "");
            json = parameter.equals("charset=utf-8");
        }
        if (!json) {
            throw new Rejection(HttpCode.UNSUPPORTED_MEDIA_TYPE, "a signed transaction must be sent with Content-Type: "
                    + "application/json" + (type == null ? "; this request has none" : ", not '" + truncate(type) + "'"));
        }
    }

    static String truncate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** The path parameter {@code name} as a did:key; otherwise BAD_REQUEST saying what it names ("a holder"). */
    static org.phyle.crypto.VerifyingKey didParam(Context ctx, String name, String what) {
        String did = ctx.pathParam(name);
        try {
            return org.phyle.crypto.VerifyingKey.fromDid(did);
        } catch (RuntimeException ex) {
            throw new Rejection(NodeCode.BAD_REQUEST, what + " is a did:key (did:key:z6Mk...), not '" + truncate(did)
                    + "'");
        }
    }

    static Hash hashParam(Context ctx, String name) {
        String v = ctx.pathParam(name);
        if (!v.matches("[0-9a-f]{64}")) {
            throw new Rejection(NodeCode.BAD_REQUEST, name + " must be 64 lowercase hex digits, not '" + truncate(v) + "'");
        }
        return Hash.fromHex(v);
    }

    static long pathLong(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Rejection(NodeCode.BAD_REQUEST, name + " must be an integer, not '" + truncate(v) + "'");
        }
    }

    /** A query parameter in [min, max]; absent means the default, and a null default means it is required. */
    static long longParam(Context ctx, String name, Long defaultValue, long min, long max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            if (defaultValue == null) {
                throw new Rejection(NodeCode.BAD_REQUEST, "query parameter " + name + " is required");
            }
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Rejection(NodeCode.BAD_REQUEST, name + " must be an integer, not '" + truncate(v) + "'");
        }
        if (value < min || value > max) {
            throw new Rejection(NodeCode.BAD_REQUEST, name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
