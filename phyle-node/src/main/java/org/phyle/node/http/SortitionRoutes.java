package org.phyle.node.http;

import static org.phyle.node.http.Requests.json;
import static org.phyle.node.http.Requests.longParam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.phyle.core.Rejection;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.Selection;
import org.phyle.crypto.Hash;
import org.phyle.node.Node;
import org.phyle.node.NodeCode;

/**
 * Draws by lot: every draw's inputs (pool root, VRF input), the stewards' commitments and secrets, the node's proof,
 * the randomness and the members chosen with their scores, so that anyone can recompute the draw; and "was I
 * selected?" ({@code ?selected=}).
 */
final class SortitionRoutes {
    private static final HexFormat HEX = HexFormat.of();
    private final Node node;

    SortitionRoutes(Node node) {
        this.node = node;
    }

    void register(Router router) {
        router.get("/draws", this::list);
        router.get("/draws/{ref}", this::draw);
    }

    /** Draws, newest first; with {@code purpose=} one purpose only, with {@code selected=} those that chose a person. */
    private void list(Context ctx) {
        String purpose = ctx.queryParam("purpose");
        String selected = ctx.queryParam("selected");
        int limit = (int) longParam(ctx, "limit", 50L, 1, 200);
        if (purpose != null && Arrays.stream(Draw.Purpose.values()).noneMatch(p -> p.json().equals(purpose))) {
            throw new Rejection(NodeCode.BAD_REQUEST, "purpose is jury, panel or request, not '" + purpose + "'");
        }
        json(ctx, node.read(s -> {
            List<Draw> all = s.sortition().draws();
            long before = longParam(ctx, "before", (long) all.size(), 0, all.size());
            int chosen = selected == null ? -1 : CitizenshipRoutes.resolve(s.registry(), selected).number();
            ArrayNode items = Views.array();
            int i = (int) before - 1;
            for (; i >= 0 && items.size() < limit; i--) {
                Draw d = all.get(i);
                if ((purpose == null || d.purpose().json().equals(purpose))
                        && (chosen < 0 || Arrays.stream(d.selected()).anyMatch(n -> n == chosen))) {
                    items.add(summary(s, d));
                }
            }
            ObjectNode o = Views.object().put("count", all.size());
            o.set("draws", items);
            if (i >= 0) {
                o.put("next", i + 1);
            } else {
                o.putNull("next");
            }
            return o;
        }));
    }

    private void draw(Context ctx) {
        String ref = ctx.pathParam("ref");
        json(ctx, node.read(s -> detail(s, find(s, ref))));
    }

    private static Draw find(SocietyView s, String ref) {
        List<Draw> all = s.sortition().draws();
        if (ref.matches("[0-9]{1,10}")) {
            long n = Long.parseLong(ref);
            if (n < all.size()) {
                return all.get((int) n);
            }
        } else if (ref.matches("[0-9a-f]{64}")) {
            var d = s.sortition().byId(Hash.fromHex(ref));
            if (d.isPresent()) {
                return d.get();
            }
        } else {
            throw new Rejection(NodeCode.BAD_REQUEST, "a draw is named by its number or id (64 hex digits), not '"
                    + ref + "'");
        }
        throw new Rejection(NodeCode.NOT_FOUND, "no draw " + ref);
    }

    static ObjectNode summary(SocietyView s, Draw d) {
        ObjectNode o = Views.object();
        o.put("number", d.number());
        o.put("id", d.id().hex());
        o.put("purpose", d.purpose().json());
        o.put("subject", d.subject().hex());
        o.put("pool", d.poolKind().json());
        o.put("size", d.size());
        o.put("poolSize", d.poolSize());
        o.put("phase", d.phase(s.time()));
        o.put("requestedAt", d.requestedAt());
        o.put("requestedHeight", d.requestedHeight());
        o.put("commitUntil", d.commitUntil());
        o.put("revealUntil", d.revealUntil());
        if (d.drawn()) {
            o.put("drawnAt", d.drawnAt()).put("drawnHeight", d.drawnHeight());
        } else {
            o.putNull("drawnAt").putNull("drawnHeight");
        }
        return o;
    }

    /** Everything it takes to recompute the draw, as the ledger holds it. */
    static ObjectNode detail(SocietyView s, Draw d) {
        Registry r = s.registry();
        ObjectNode o = summary(s, d);
        o.put("poolRoot", d.poolRoot().hex());
        o.put("alpha", HEX.formatHex(d.alpha()));
        if (d.quotas() == null) {
            o.putNull("quotas");
        } else {
            ObjectNode q = o.putObject("quotas");
            d.quotas().forEach(q::put);
        }
        ArrayNode stewards = o.putArray("stewards");
        for (int n : d.stewards()) {
            stewards.add(GovernanceRoutes.person(r, n));
        }
        ArrayNode commitments = o.putArray("commitments");
        for (Map.Entry<Integer, Hash> e : d.commitments().entrySet()) {
            ObjectNode c = commitments.addObject();
            c.set("steward", GovernanceRoutes.person(r, e.getKey()));
            c.put("commitment", e.getValue().hex());
            byte[] secret = d.secrets().get(e.getKey());
            if (secret == null) {
                c.putNull("secret");
            } else {
                c.put("secret", Views.base64url(secret));
            }
        }
        o.put("sequencer", s.sequencer().did());
        putHex(o, "proof", d.proof());
        putHex(o, "beta", d.beta());
        if (d.randomness() == null) {
            o.putNull("randomness");
        } else {
            o.put("randomness", d.randomness().hex());
        }
        ArrayNode members = o.putArray("members");
        for (int n : d.selected()) {
            Person p = r.byNumber(n).orElseThrow();
            members.addObject().put("number", n).put("id", p.id().hex()).put("name", p.name())
                    .put("region", p.region() == null ? "" : p.region())
                    .put("score", Selection.score(d.randomness(), p.id()).hex());
        }
        return o;
    }

    private static void putHex(ObjectNode o, String name, byte[] value) {
        if (value == null) {
            o.putNull(name);
        } else {
            o.put(name, HEX.formatHex(value));
        }
    }
}
