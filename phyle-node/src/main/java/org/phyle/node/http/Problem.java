package org.phyle.node.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.phyle.core.Rejection;
import org.phyle.core.RejectionCode;
import org.phyle.crypto.StrictJson;

/**
 * RFC 9457 problem details: {@code application/problem+json} with the stable code as the last segment of the type URI
 * and as the {@code code} member, and the sentence that says what was wrong as {@code detail}.
 */
public record Problem(RejectionCode code, String detail, String instance) {
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "/api/v1/problems/";

    public static Problem of(Rejection r, String instance) {
        return new Problem(r.code(), r.getMessage(), instance);
    }

    public int status() {
        return statusOf(code);
    }

    public static int statusOf(RejectionCode code) {
        if (code instanceof HttpCode http) {
            return http.status();
        }
        return switch (code.kind()) {
            case MALFORMED, UNAUTHENTICATED -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case RULE -> 422;
            case UNAVAILABLE -> 503;
        };
    }

    /** "TX_REPLAYED" becomes "Tx replayed". */
    public static String title(RejectionCode code) {
        String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public ObjectNode toJson() {
        ObjectNode o = StrictJson.mapper().createObjectNode();
        o.put("type", TYPE_BASE + code.name());
        o.put("title", title(code));
        o.put("status", status());
        o.put("code", code.name());
        o.put("detail", detail);
        if (instance != null) {
            o.put("instance", instance);
        }
        return o;
    }
}
