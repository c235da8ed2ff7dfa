package org.phyle.node.http;

import static org.phyle.node.http.Requests.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.Person;
import org.phyle.core.land.BuildingTax;
import org.phyle.core.land.Land;
import org.phyle.core.land.LandCode;
import org.phyle.core.land.LandParams;
import org.phyle.core.land.Parcel;
import org.phyle.core.land.Territory;
import org.phyle.crypto.VerifyingKey;
import org.phyle.node.Node;
import org.phyle.node.NodeCode;

/**
 * The buildings and their floating tax (docs/api.md): each building's rate now as an exact fraction of basis points
 * and as a percent, its ring for the epoch now and the opinions said in it (by linking tag, never by person), the
 * history of its rate, the ring the core would accept for the epoch now (for anyone to record), and a person's
 * opinion keys. Money here is a plain number of minor units, times are ms.
 */
final class BuildingRoutes {
    private final Node node;

    BuildingRoutes(Node node) {
        this.node = node;
    }

    void register(Router router) {
        router.get("/land/buildings", this::buildings);
        router.get("/land/buildings/{n}", this::building);
        router.get("/land/buildings/{n}/ring", this::ring);
        router.get("/land/opinion-keys/{did}", this::opinionKeys);
    }

    private long now(SocietyView s) {
        return Math.max(node.config().clock().millis(), s.time());
    }

    private void buildings(Context ctx) {
        json(ctx, node.read(s -> {
            Land land = s.view(Land.class);
            long now = now(s);
            long epoch = Land.epochOf(now, s.parameters());
            ArrayNode items = Views.array();
            for (int n = 0; land.buildingTax(n).isPresent(); n++) {
                BuildingTax b = land.buildingTax(n).get();
                Parcel p = land.parcel(b.parcel()).orElseThrow();
                ObjectNode o = items.addObject().put("number", n).put("parcel", p.number())
                        .put("territory", p.territory()).put("description", building(p, n).description());
                o.set("rate", rate(b, now, epoch));
            }
            ObjectNode o = Views.object();
            o.set("buildings", items);
            return o;
        }));
    }

    private void building(Context ctx) {
        String ref = ctx.pathParam("n");
        json(ctx, node.read(s -> {
            Land land = s.view(Land.class);
            BuildingTax b = tax(land, ref);
            Parcel p = land.parcel(b.parcel()).orElseThrow();
            Territory t = land.territory(p.territory()).orElseThrow();
            Parcel.Building building = building(p, b.building());
            long now = now(s);
            Parameters params = s.parameters();
            long epoch = Land.epochOf(now, params);
            boolean ringNow = recorded(b, epoch);
            ObjectNode o = Views.object().put("number", b.building()).put("parcel", p.number())
                    .put("territory", t.number()).put("territoryName", t.name())
                    .put("description", building.description())
                    .put("built", building.built()).put("epoch", epoch).put("epochEnds", epochStart(epoch + 1, params));
            if (ringNow) {
                ObjectNode r = o.putObject("ring").put("epoch", b.epoch()).put("until", b.until());
                ArrayNode members = r.putArray("members");
                b.ringKeys().forEach(members::add);
            } else {
                o.putNull("ring");
            }
            o.put("neighbours", ringNow ? b.ringSize() : 0).put("approvals", ringNow ? b.approvals() : 0)
                    .put("disapprovals", ringNow ? b.disapprovals() : 0);
            o.set("rate", rate(b, now, epoch));
            o.set("value", EconomyRoutes.money(building.value()));
            o.set("taxPaid", EconomyRoutes.money(b.taxPaid()));
            o.set("owed", EconomyRoutes.money(land.buildingTaxOwed(b.building(), now)));
            ArrayNode opinions = o.putArray("opinions");
            if (ringNow) {
                for (Map.Entry<String, BuildingTax.Said> e : b.said().entrySet()) {
                    opinions.addObject().put("tag", e.getKey()).put("opinion", e.getValue().opinion().json())
                            .put("seq", e.getValue().seq()).put("height", e.getValue().height());
                }
            }
            ArrayNode history = o.putArray("history");
            for (BuildingTax.RatePoint pt : b.history(now)) {
                ObjectNode h = history.addObject().put("time", pt.time());
                if (pt.height() < 0) {
                    h.putNull("height"); // the end of a ring's epoch: a moment, not a block
                } else {
                    h.put("height", pt.height());
                }
                h.put("epoch", pt.epoch()).put("neighbours", pt.neighbours()).put("approvals", pt.approvals())
                        .put("disapprovals", pt.disapprovals());
                h.set("rate", rate(pt.numerator(), pt.denominator()));
            }
            return o;
        }));
    }

    private void ring(Context ctx) {
        String ref = ctx.pathParam("n");
        json(ctx, node.read(s -> {
            Land land = s.view(Land.class);
            BuildingTax b = tax(land, ref);
            long epoch = Land.epochOf(now(s), s.parameters());
            boolean recorded = recorded(b, epoch);
            ObjectNode o = Views.object().put("building", b.building()).put("epoch", epoch).put("recorded", recorded);
            ArrayNode members = o.putArray("members");
            (recorded ? b.ringKeys() : land.neighbours(b.building(), epoch, s.parameters())).forEach(members::add);
            return o;
        }));
    }

    private void opinionKeys(Context ctx) {
        String did = ctx.pathParam("did");
        VerifyingKey key = Requests.didParam(ctx, "did", "a person");
        json(ctx, node.read(s -> {
            Person person = s.registry().byCurrentKey(key).orElseThrow(() -> new Rejection(NodeCode.NOT_FOUND,
                    "the key " + Requests.truncate(did) + " does not act for a person"));
            long epoch = Land.epochOf(now(s), s.parameters());
            ObjectNode o = Views.object().put("did", did);
            java.util.Optional<Land.OpinionKey> k = s.view(Land.class).opinionKey(person.number());
            String current = k.map(x -> x.at(epoch)).orElse("");
            boolean pending = k.isPresent() && !k.get().next().isEmpty() && k.get().from() > epoch;
            nullable(o, "current", current);
            nullable(o, "next", pending ? k.get().next() : "");
            if (pending) {
                o.put("from", k.get().from());
            } else {
                o.putNull("from");
            }
            return o;
        }));
    }

    /** True if the building's ring is recorded for this epoch. */
    private static boolean recorded(BuildingTax b, long epoch) {
        return b.ringSize() > 0 && b.epoch() == epoch;
    }

    /** The rate now: the ring's, or 250/1 basis points (2.5%) with no ring this epoch. */
    static ObjectNode rate(BuildingTax b, long now, long epoch) {
        return recorded(b, epoch) && now < b.until() ? rate(b.numerator(now), b.denominator()) : rate(250, 1);
    }

    /** {@code {"numerator", "denominator", "percent"}}: basis points as a fraction, and the percent, 3 decimals. */
    static ObjectNode rate(long numerator, long denominator) {
        BigDecimal percent = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator).multiply(
                BigDecimal.valueOf(100)), 3, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return Views.object().put("numerator", numerator).put("denominator", denominator)
                .put("percent", percent.signum() == 0 ? "0" : percent.toPlainString());
    }

    private static long epochStart(long epoch, Parameters params) {
        return Math.multiplyExact(epoch, params.get(LandParams.RING_EPOCH_DAYS) * 86_400_000L);
    }

    private static BuildingTax tax(Land land, String ref) {
        if (!ref.matches("[0-9]{1,9}")) {
            throw new Rejection(NodeCode.BAD_REQUEST, "a building is named by its number, not '"
                    + Requests.truncate(ref) + "'");
        }
        return land.buildingTax(Integer.parseInt(ref)).orElseThrow(() -> new Rejection(LandCode.UNKNOWN_BUILDING,
                "there is no building " + ref));
    }

    private static Parcel.Building building(Parcel p, int number) {
        List<Parcel.Building> all = p.buildings();
        return all.stream().filter(x -> x.number() == number).findFirst().orElseThrow();
    }

    private static void nullable(ObjectNode o, String name, String value) {
        if (value.isEmpty()) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }
}
