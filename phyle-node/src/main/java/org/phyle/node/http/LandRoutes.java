package org.phyle.node.http;

import static org.phyle.node.http.EconomyRoutes.money;
import static org.phyle.node.http.Requests.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.phyle.core.Rejection;
import org.phyle.core.SocietyView;
import org.phyle.core.land.Land;
import org.phyle.core.land.Parcel;
import org.phyle.core.land.Tenure;
import org.phyle.core.land.Territory;
import org.phyle.crypto.VerifyingKey;
import org.phyle.node.Node;
import org.phyle.node.NodeCode;

/**
 * The land: territories with their parcels, a parcel with its geometry, tenure and money (the tax accrued and the
 * deposit left computed for now, lazily, without changing anything), what a key holds, and a territory's parcels as a
 * GeoJSON FeatureCollection for a map. Amounts are written as the economy writes them ({@code {"minor", "formatted"}}).
 */
final class LandRoutes {
    private final Node node;

    LandRoutes(Node node) {
        this.node = node;
    }

    void register(Router router) {
        router.get("/land/territories", this::territories);
        router.get("/land/territories/{n}", this::territory);
        router.get("/land/territories/{n}/geojson", this::geojson);
        router.get("/land/parcels/{n}", this::parcel);
        router.get("/land/holdings/{did}", this::holdings);
        new BuildingRoutes(node).register(router);
    }

    /** The time the answers are computed for: the node's clock, never before the last block. */
    private long now(SocietyView s) {
        return Math.max(node.config().clock().millis(), s.time());
    }

    private void territories(Context ctx) {
        json(ctx, node.read(s -> {
            Land land = s.view(Land.class);
            ArrayNode items = Views.array();
            for (Territory t : land.territories()) {
                items.add(territorySummary(land, t));
            }
            ObjectNode o = Views.object().put("count", items.size()).put("parcels", land.parcelCount());
            o.set("held", money(land.held()));
            o.set("territories", items);
            return o;
        }));
    }

    private void territory(Context ctx) {
        String ref = ctx.pathParam("n");
        json(ctx, node.read(s -> {
            Land land = s.view(Land.class);
            Territory t = territory(land, ref);
            long now = now(s);
            ObjectNode o = territorySummary(land, t).put("time", now);
            ArrayNode parcels = o.putArray("parcelList");
            for (Parcel p : land.parcelsOf(t.number())) {
                parcels.add(parcelSummary(land, t, p, now));
            }
            return o;
        }));
    }

    /** A territory's parcels as GeoJSON: a Feature per parcel, its properties a parcel's summary. */
    private void geojson(Context ctx) {
        String ref = ctx.pathParam("n");
        ObjectNode fc = node.read(s -> {
            Land land = s.view(Land.class);
            Territory t = territory(land, ref);
            long now = now(s);
            ObjectNode o = Views.object().put("type", "FeatureCollection");
            o.set("territory", territorySummary(land, t));
            ArrayNode features = o.putArray("features");
            for (Parcel p : land.parcelsOf(t.number())) {
                ObjectNode f = features.addObject().put("type", "Feature").put("id", p.number());
                f.set("geometry", p.ring().toJson());
                f.set("properties", parcelSummary(land, t, p, now));
            }
            return o;
        });
        ctx.contentType("application/geo+json").result(Requests.utf8(fc));
    }

    private void parcel(Context ctx) {
        String ref = ctx.pathParam("n");
        json(ctx, node.read(s -> {
            Land land = s.view(Land.class);
            Parcel p = land.parcel(number(ref, "parcel")).orElseThrow(
                    () -> new Rejection(NodeCode.NOT_FOUND, "no parcel #" + ref));
            Territory t = land.territory(p.territory()).orElseThrow();
            long now = now(s);
            ObjectNode o = parcelSummary(land, t, p, now).put("time", now);
            o.set("geometry", p.ring().toJson());
            o.put("territoryName", t.name()).put("country", t.country()).put("rateBp", t.rateBp());
            o.set("minimumPrice", money(land.minimumPrice(p)));
            o.set("taxPaid", money(p.taxPaid()));
            o.put("taxFrom", p.taxFrom());
            ArrayNode assessments = o.putArray("assessments");
            for (Parcel.Assessment a : p.assessments()) {
                ObjectNode j = assessments.addObject().put("time", a.time()).put("by", a.by());
                j.set("value", money(a.value()));
            }
            ArrayNode buildings = o.putArray("buildings");
            for (Parcel.Building b : p.buildings()) {
                ObjectNode j = buildings.addObject().put("number", b.number()).put("description", b.description())
                        .put("built", b.built());
                j.set("value", money(b.value()));
            }
            ArrayNode residents = o.putArray("residents");
            for (int n : p.residents()) {
                residents.add(GovernanceRoutes.person(s.registry(), n));
            }
            o.set("history", history(p));
            return o;
        }));
    }

    /**
     * What the land keeps of a parcel's past, oldest first: when it was drawn, each assessment and building, and the
     * bid and auction under way. (Who held it before is in the accounts' movements, not kept per parcel.)
     */
    private static ArrayNode history(Parcel p) {
        java.util.List<ObjectNode> events = new java.util.ArrayList<>();
        events.add(Views.object().put("time", p.created()).put("event", "drawn"));
        for (Parcel.Assessment a : p.assessments()) {
            ObjectNode e = Views.object().put("time", a.time()).put("event", "assessed");
            e.set("amount", money(a.value()));
            events.add(e);
        }
        for (Parcel.Building b : p.buildings()) {
            ObjectNode e = Views.object().put("time", b.built()).put("event", "built").put("text", b.description());
            e.set("amount", money(b.value()));
            events.add(e);
        }
        p.bid().ifPresent(b -> {
            ObjectNode e = Views.object().put("time", b.at()).put("event", "bid").put("who", b.bidder());
            e.set("amount", money(b.price()));
            events.add(e);
        });
        if (p.state() == Parcel.State.AUCTION) {
            ObjectNode e = Views.object().put("time", p.auctionStart()).put("event", "foreclosed")
                    .put("who", p.formerHolder());
            e.set("amount", money(p.auctionPrice()));
            events.add(e);
        }
        events.sort(java.util.Comparator.comparingLong(e -> e.get("time").asLong()));
        ArrayNode a = Views.array();
        events.forEach(a::add);
        return a;
    }

    private void holdings(Context ctx) {
        String did = ctx.pathParam("did");
        VerifyingKey key = Requests.didParam(ctx, "did", "a holder");
        json(ctx, node.read(s -> {
            Land land = s.view(Land.class);
            long now = now(s);
            ObjectNode o = Views.object().put("did", did).put("time", now);
            ArrayNode parcels = o.putArray("parcels");
            long deposits = 0;
            for (Parcel p : land.holdings(did)) {
                parcels.add(parcelSummary(land, land.territory(p.territory()).orElseThrow(), p, now));
                deposits += land.depositAt(p, now);
            }
            o.set("deposits", money(deposits));
            ArrayNode bids = o.putArray("bids");
            long collateral = 0;
            for (int n = 0; n < land.parcelCount(); n++) {
                Parcel p = land.parcel(n).orElseThrow();
                if (p.bid().isPresent() && p.bid().get().bidder().equals(did)) {
                    Parcel.Bid b = p.bid().get();
                    bids.add(bid(b).put("parcel", p.number()));
                    collateral = Math.addExact(collateral, Math.addExact(b.price(), b.deposit()));
                }
            }
            o.set("collateral", money(collateral));
            s.registry().byCurrentKey(key).flatMap(person -> land.residenceOf(person.number()))
                    .ifPresentOrElse(r -> o.put("residence", r), () -> o.putNull("residence"));
            return o;
        }));
    }

    static ObjectNode territorySummary(Land land, Territory t) {
        ObjectNode o = Views.object().put("number", t.number()).put("name", t.name()).put("country", t.country())
                .put("tenure", t.tenure().json()).put("rateBp", t.rateBp());
        o.set("minPricePerM2", money(t.minPricePerM2()));
        o.put("steward", t.steward());
        if (t.campaign() == Territory.BY_GOVERNANCE) {
            o.putNull("campaign");
        } else {
            o.put("campaign", t.campaign());
        }
        o.put("origin", t.campaign() == Territory.BY_GOVERNANCE ? "governance" : "campaign");
        o.put("created", t.created()).put("height", t.height());
        java.util.List<Parcel> parcels = land.parcelsOf(t.number());
        long area = 0;
        for (Parcel p : parcels) {
            area += p.area();
        }
        o.put("parcels", parcels.size()).put("areaM2", area);
        return o;
    }

    /** A parcel's state and money now; the tax accrued and the deposit left are computed for {@code now}. */
    static ObjectNode parcelSummary(Land land, Territory t, Parcel p, long now) {
        ObjectNode o = Views.object().put("number", p.number()).put("territory", p.territory())
                .put("tenure", t.tenure().json()).put("state", p.state().json()).put("areaM2", p.area())
                .put("created", p.created());
        nullable(o, "holder", p.holder());
        nullable(o, "reservedFor", p.reservedFor());
        if (t.tenure() == Tenure.HARBERGER && p.state() == Parcel.State.HELD) {
            o.set("price", money(p.price()));
        } else {
            o.putNull("price");
        }
        o.set("assessed", money(p.assessed()));
        if (p.state() == Parcel.State.HELD) {
            o.set("deposit", money(land.depositAt(p, now)));
            o.set("taxAccrued", money(land.taxOwed(p, now)));
            long out = land.exhaustedAt(p);
            if (out == Long.MAX_VALUE) {
                o.putNull("depositRunsOutAt");
            } else {
                o.put("depositRunsOutAt", out);
            }
        } else {
            o.putNull("deposit");
            o.putNull("taxAccrued");
            o.putNull("depositRunsOutAt");
        }
        if (p.bid().isPresent()) {
            o.set("bid", bid(p.bid().get()));
        } else {
            o.putNull("bid");
        }
        if (p.state() == Parcel.State.AUCTION) {
            ObjectNode a = o.putObject("auction").put("formerHolder", p.formerHolder()).put("start", p.auctionStart())
                    .put("end", p.auctionEnd());
            a.set("startPrice", money(p.auctionPrice()));
            a.set("priceNow", money(land.auctionPriceAt(p, now)));
        } else {
            o.putNull("auction");
        }
        o.put("buildings", p.buildings().size()).put("residents", p.residents().size());
        return o;
    }

    private static ObjectNode bid(Parcel.Bid b) {
        ObjectNode o = Views.object().put("bidder", b.bidder()).put("at", b.at()).put("until", b.until());
        o.set("price", money(b.price()));
        o.set("deposit", money(b.deposit()));
        return o;
    }

    private static void nullable(ObjectNode o, String name, String value) {
        if (value.isEmpty()) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    private static Territory territory(Land land, String ref) {
        return land.territory(number(ref, "territory")).orElseThrow(
                () -> new Rejection(NodeCode.NOT_FOUND, "no territory #" + ref));
    }

    private static int number(String ref, String what) {
        if (!ref.matches("[0-9]{1,9}")) {
            throw new Rejection(NodeCode.BAD_REQUEST, "a " + what + " is named by its number, not '"
                    + Requests.truncate(ref) + "'");
        }
        return Integer.parseInt(ref);
    }
}
