package org.phyle.node.http;

import static org.phyle.node.http.Requests.hashParam;
import static org.phyle.node.http.Requests.json;
import static org.phyle.node.http.Requests.longParam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.SocietyView;
import org.phyle.core.canon.Canon;
import org.phyle.core.charter.Charter;
import org.phyle.core.charter.Handover;
import org.phyle.core.charter.Offices;
import org.phyle.core.charter.Stage;
import org.phyle.core.citizenship.Registry;
import org.phyle.node.Node;
import org.phyle.node.NodeCode;

/**
 * The charter's read API: the document in force and its versions, the handover (the stage reached, when each stage
 * began, the founder's powers now and what the next stage changes), the offices, and the canon.
 */
final class CharterRoutes {
    private final Node node;

    CharterRoutes(Node node) {
        this.node = node;
    }

    void register(Router router) {
        router.get("/charter", this::charter);
        router.get("/canon", this::canon);
        router.get("/canon/{id}", this::text);
    }

    /**
     * The charter in force, whose hash applicants and renewing citizens consent to: the document itself (so that a
     * client shows it in full and checks that it hashes, SHA-256 of its RFC 8785 form, to what it signs), its
     * versions, the stages and the offices.
     */
    private void charter(Context ctx) {
        json(ctx, node.read(s -> {
            Charter c = s.charter();
            ObjectNode o = Views.object();
            o.put("hash", c.hash().hex());
            o.put("version", c.version());
            o.set("document", c.document());
            o.set("parameters", Views.parameters(s.parameters()));
            ArrayNode versions = o.putArray("versions");
            for (Charter.Version v : c.versions()) {
                versions.addObject().put("version", v.number()).put("hash", v.hash().hex()).put("since", v.since())
                        .put("enactedBy", v.enactedBy().hex()).put("summary", v.summary());
            }
            o.set("handover", handover(s));
            o.set("offices", offices(s));
            return o;
        }));
    }

    /** The stage now, each stage with its threshold, powers and when it began, and what the next one changes. */
    static ObjectNode handover(SocietyView s) {
        Parameters p = s.parameters();
        Handover h = s.handover();
        ObjectNode o = Views.object();
        o.set("stage", stage(h.stage(), p));
        o.put("citizensNow", s.registry().activeCitizens(s.time()));
        ObjectNode founder = o.putObject("founder");
        founder.put("retired", h.retired());
        if (h.retired()) {
            founder.put("retiredAt", h.retiredAt()).put("retiredHeight", h.retiredHeight());
        }
        founder.set("powers", founderPowers(h.founderPowers()));
        ArrayNode stages = o.putArray("stages");
        for (Stage stage : Stage.values()) {
            ObjectNode st = stage(stage, p);
            st.put("threshold", stage.threshold(p));
            h.entries().stream().filter(e -> e.stage() == stage).findFirst().ifPresent(e -> st.putObject("began")
                    .put("time", e.time()).put("height", e.height()).put("cause", e.cause()));
            st.set("founderPowers", founderPowers(stage.founderPowers()));
            ArrayNode community = st.putArray("communityPowers");
            stage.communityPowers().forEach(c -> community.addObject().put("power", c.name().toLowerCase(java.util.Locale.ROOT))
                    .put("description", c.description()));
            stages.add(st);
        }
        Stage next = h.stage().next();
        if (next != null) {
            ObjectNode n = stage(next, p);
            n.put("threshold", next.threshold(p));
            n.put("citizensNeeded", Math.max(0, next.threshold(p) - s.registry().activeCitizens(s.time())));
            if (h.backstopDue(p) != Long.MAX_VALUE) {
                n.put("backstopAt", h.backstopDue(p));
            }
            ArrayNode loses = n.putArray("founderLoses");
            h.founderPowers().stream().filter(f -> !next.founderPowers().contains(f))
                    .forEach(f -> loses.add(f.description()));
            ArrayNode gains = n.putArray("communityGains");
            next.communityPowers().stream().filter(c -> !h.stage().communityPowers().contains(c))
                    .forEach(c -> gains.add(c.description()));
            o.set("next", n);
        } else {
            o.putNull("next");
        }
        return o;
    }

    private static ObjectNode stage(Stage stage, Parameters p) {
        return Views.object().put("id", stage.json()).put("name", stage.name(p)).put("ordinal", stage.ordinal());
    }

    private static ArrayNode founderPowers(java.util.Set<Stage.FounderPower> powers) {
        ArrayNode a = Views.array();
        for (Stage.FounderPower f : Stage.FounderPower.values()) {
            if (powers.contains(f)) {
                a.addObject().put("power", f.name().toLowerCase(java.util.Locale.ROOT)).put("description", f.description());
            }
        }
        return a;
    }

    private static ObjectNode offices(SocietyView s) {
        Offices off = s.offices();
        Registry r = s.registry();
        ObjectNode o = Views.object();
        ArrayNode stewards = o.putArray("stewards");
        off.stewards().forEach(n -> stewards.add(GovernanceRoutes.person(r, n)));
        int[] council = off.council(s.time());
        ObjectNode c = o.putObject("council");
        ArrayNode members = c.putArray("members");
        for (int m : council) {
            members.add(GovernanceRoutes.person(r, m));
        }
        if (council.length > 0) {
            c.put("since", off.councilSince()).put("until", off.councilUntil()).put("election",
                    off.councilElection().hex());
            ObjectNode pending = c.putObject("pendingActs");
            off.pendingActs(s.time()).forEach((act, signers) -> {
                ArrayNode a = pending.putArray(act);
                signers.forEach(a::add);
            });
        }
        ArrayNode events = o.putArray("events");
        for (Offices.Event e : off.events()) {
            events.addObject().put("time", e.time()).put("height", e.height()).put("what", e.what())
                    .put("authority", e.authority());
        }
        return o;
    }

    // ---- the canon ----------------------------------------------------------------------------------------------

    private void canon(Context ctx) {
        String kind = Optional.ofNullable(ctx.queryParam("kind")).orElse("all");
        if (!List.of("all", "essay", "article").contains(kind)) {
            throw new Rejection(NodeCode.BAD_REQUEST, "kind must be all, essay or article, not '" + kind + "'");
        }
        int limit = (int) longParam(ctx, "limit", 50L, 1, 200);
        json(ctx, node.read(s -> {
            List<Canon.Text> all = s.canon().texts();
            long before = longParam(ctx, "before", (long) all.size(), 0, all.size());
            ArrayNode items = Views.array();
            int i = (int) before - 1;
            for (; i >= 0 && items.size() < limit; i--) {
                Canon.Text t = all.get(i);
                if (kind.equals("all") || t.terms().kind().json().equals(kind)) {
                    items.add(summary(s, t));
                }
            }
            ObjectNode o = Views.object().put("count", all.size())
                    .put("endorsementsRequired", s.parameters().get(org.phyle.core.charter.CharterParams
                            .CANON_ENDORSEMENTS));
            o.set("texts", items);
            if (i >= 0) {
                o.put("next", i + 1);
            } else {
                o.putNull("next");
            }
            ArrayNode attestations = o.putArray("attestations");
            for (Canon.Attestation a : s.canon().attestations()) {
                attestations.add(attestation(s, a));
            }
            return o;
        }));
    }

    private void text(Context ctx) {
        var id = hashParam(ctx, "id");
        json(ctx, node.read(s -> {
            Canon.Text t = s.canon().byId(id).orElseThrow(() -> new Rejection(NodeCode.NOT_FOUND,
                    "no text " + id.hex() + " in the canon"));
            ObjectNode o = summary(s, t);
            o.put("text", t.terms().text());
            ArrayNode endorsers = o.putArray("endorsers");
            t.endorsers().forEach(n -> endorsers.add(GovernanceRoutes.person(s.registry(), n)));
            s.canon().attestations().stream().filter(a -> a.text().equals(t.id())).findFirst()
                    .ifPresent(a -> o.set("attestation", attestation(s, a)));
            return o;
        }));
    }

    private static ObjectNode summary(SocietyView s, Canon.Text t) {
        ObjectNode o = Views.object().put("id", t.id().hex()).put("number", t.number())
                .put("kind", t.terms().kind().json()).put("title", t.terms().title());
        t.terms().target().ifPresent(target -> o.put("target", target));
        if (t.author() >= 0) {
            o.set("author", GovernanceRoutes.person(s.registry(), t.author()));
        } else {
            o.putNull("author");
        }
        o.put("authorKey", t.authorKey().did()).put("standing", t.standing().json());
        o.put("publishedAt", t.publishedAt()).put("endorsements", t.endorsers().size());
        t.proposal().ifPresent(p -> {
            o.put("proposal", p.hex());
            s.governance().byId(p).ifPresent(x -> o.put("proposalState", x.state().json()));
        });
        String text = t.terms().text();
        o.put("excerpt", text.length() <= 280 ? text : text.substring(0, 277) + "...");
        return o;
    }

    private static ObjectNode attestation(SocietyView s, Canon.Attestation a) {
        ObjectNode o = Views.object();
        o.set("author", GovernanceRoutes.person(s.registry(), a.author()));
        o.put("text", a.text().hex()).put("proposal", a.proposal().hex()).put("target", a.target())
                .put("charterVersion", a.charterVersion()).put("time", a.time()).put("height", a.height());
        return o;
    }
}
