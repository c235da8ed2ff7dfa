package org.phyle.node.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phyle.core.Parameters;
import org.phyle.core.SocietyView;
import org.phyle.core.land.BuildingTax;
import org.phyle.core.land.Land;
import org.phyle.core.land.LandActions;
import org.phyle.core.land.LandParams;
import org.phyle.core.land.LandTx;
import org.phyle.core.land.Tenure;
import org.phyle.core.land.Territory;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.crypto.ring.RingKeyPair;
import org.phyle.crypto.ring.Scalar;
import org.phyle.node.KeyFile;
import org.phyle.node.land.OpinionKeyFile;
import org.phyle.node.land.Opinions;
import org.phyle.node.land.ParcelArea;

/**
 * The demo society's land, on two continents: the annex of Casa da Horta in Lisbon, established by the steward of the
 * campaign that funded it, under Harberger tenure (four parcels in a row, three touching: one held with a workshop and
 * two residents, one foreclosed and in its auction, one with a bid whose window is open, one vacant and reserved), and
 * a territory voted by governance in Nairobi's Kilimani under the land value tax (three parcels: one held with a house,
 * one held, both assessed by a vote, one vacant). The workshop's six neighbours register opinion keys on day 92.9;
 * at the end of the history, in the epoch of the present (rings last {@link #RING_EPOCH_DAYS} days in the demo), its
 * ring is recorded and they speak: some approve, some disapprove, one changes their mind, one says nothing. The house
 * in Kilimani has no ring: 2.5%. The opinion keys are kept in {@code keys/opinion-keys.json} for demos and tests.
 */
public final class DemoLand {
    static final long UNIT = DemoEconomy.UNIT;
    /** The Lisbon territory's annual rate: 7% of the stated price. */
    static final int LISBON_RATE_BP = 700;

    /** The demo's land.ringEpochDays: a week, so that keys registered in the history are in use in the present. */
    static final long RING_EPOCH_DAYS = 7;
    /** The workshop's neighbours who register opinion keys, by their index among the demo's active citizens. */
    private static final int[] NEIGHBOURS = {44, 45, 53, 54, 55, 57};

    private DemoLand() {
    }

    /** The demo's land parameters, at its genesis. */
    static Parameters parameters(Parameters p) {
        return p.with(LandParams.RING_EPOCH_DAYS.name(), RING_EPOCH_DAYS);
    }

    /** The demo residents' opinion keys, by name, as the demo kept them in its data directory. */
    public static Map<String, RingKeyPair> opinionKeys(Path data) {
        Map<String, RingKeyPair> keys = new LinkedHashMap<>();
        try {
            for (JsonNode k : StrictJson.parse(Files.readAllBytes(
                    data.resolve(OPINION_KEYS)))) {
                keys.put(k.get("name").asText(), RingKeyPair.fromSecret(
                        Scalar.decode(Base64.getUrlDecoder().decode(
                                k.get("secret").asText()))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static final String OPINION_KEYS = "keys/opinion-keys.json";

    /** The opinion key file of the workshop's neighbour who has said nothing, for a person trying the demo. */
    public static final String SILENT_NEIGHBOUR = "keys/silent-neighbour.opinion";

    /** An opinion the demo says: which of the neighbours (in the order of {@link #NEIGHBOURS}), what, its sequence. */
    private record Said(int neighbour, BuildingTax.Opinion opinion, long seq) {
    }

    /** The vote that establishes the Nairobi territory, with the economy's votes on day 80.5. */
    static LandActions.NewTerritory nairobi(String steward) {
        return new LandActions.NewTerritory("Kilimani plots, Nairobi", "KE", Tenure.LAND_VALUE, 200, 0, steward);
    }

    /** A rectangle from its south-west corner and its size, in degrees with at most 7 decimals, counter-clockwise. */
    static JsonNode rectangle(String west, String south, String width, String height) {
        BigDecimal w = new BigDecimal(west);
        BigDecimal s = new BigDecimal(south);
        BigDecimal e = w.add(new BigDecimal(width));
        BigDecimal n = s.add(new BigDecimal(height));
        ObjectNode g = JsonNodeFactory.instance.objectNode().put("type", "Polygon");
        ArrayNode ring = g.putArray("coordinates").addArray();
        BigDecimal[][] points = {{w, s}, {e, s}, {e, n}, {w, n}, {w, s}};
        for (BigDecimal[] p : points) {
            ring.addArray().add(p[0]).add(p[1]);
        }
        return g;
    }

    private static DemoProposals.Plan assess(String title, int parcel, long value) {
        LandActions.Assess action = new LandActions.Assess(parcel, value);
        return new DemoProposals.Plan(new org.phyle.core.governance.GovernanceTx.Propose(title, "The land's value "
                + "as the surveyors found it, buildings exempt: the land value tax is 2% a year of it.", "land",
                action.kind(), action, org.phyle.core.proposals.Method.YES_NO, List.of(), 1, 0, false,
                org.phyle.core.proposals.Threshold.named("majority"), Optional.of(48)),
                new double[] {0.8, 0.15, 0.05}, 0.55);
    }

    private static LandTx.NewParcel parcel(int territory, JsonNode geometry, Optional<String> reservedFor) {
        return new LandTx.NewParcel(territory, geometry, ParcelArea.declare(geometry), reservedFor);
    }

    /** Days 92.8 to 94.9 (the assessments carried out on day 98): the land, once the annex's campaign is funded (92.5) and the Nairobi vote carried (86). */
    static void history(DemoSociety.Seeder s, List<String> citizens, List<String> active, List<String> voters,
                        List<String> delegates) {
        SigningKey annexSteward = s.keys.get(citizens.get(0));
        SigningKey nairobiSteward = s.keys.get(citizens.get(3));
        int nairobi = s.read(v -> v.view(Land.class).territories().stream()
                .filter(t -> t.campaign() == Territory.BY_GOVERNANCE).findFirst().orElseThrow(
                        () -> new IllegalStateException("the vote on the Nairobi territory did not carry"))
                .number());
        s.day(92.8);
        s.submit(annexSteward, new LandTx.Establish(0, "The annex of Casa da Horta", Tenure.HARBERGER, LISBON_RATE_BP,
                UNIT / 100));
        s.day(92.85);
        int lisbon = s.read(v -> v.view(Land.class).territoryOfCampaign(0).orElseThrow().number());
        // four plots along Rua da Horta, about 17 m × 20 m: three in a row touching, one across the street
        String[] wests = {"-9.1346", "-9.1344", "-9.1342"};
        for (String west : wests) {
            s.submit(annexSteward, parcel(lisbon, rectangle(west, "38.7154", "0.0002", "0.00018"), Optional.empty()));
        }
        String reserved = s.keys.get(active.get(49)).did();
        s.submit(annexSteward, parcel(lisbon, rectangle("-9.1345", "38.71585", "0.00025", "0.00015"),
                Optional.of(reserved)));
        // three plots in Kilimani, about 25 m square, two of them sharing an edge
        s.submit(nairobiSteward, parcel(nairobi, rectangle("36.7856", "-1.2921", "0.00022", "0.00022"),
                Optional.empty()));
        s.submit(nairobiSteward, parcel(nairobi, rectangle("36.78582", "-1.2921", "0.00022", "0.00022"),
                Optional.empty()));
        s.submit(nairobiSteward, parcel(nairobi, rectangle("36.7862", "-1.2925", "0.0003", "0.0002"),
                Optional.empty()));
        s.day(92.9);
        List<Integer> annex = s.read(v -> v.view(Land.class).parcelsOf(lisbon).stream().map(p -> p.number())
                .toList());
        List<Integer> kilimani = s.read(v -> v.view(Land.class).parcelsOf(nairobi).stream().map(p -> p.number())
                .toList());
        SigningKey workshop = s.keys.get(active.get(44));
        SigningKey short_ = s.keys.get(active.get(46));
        SigningKey seller = s.keys.get(active.get(47));
        SigningKey bidder = s.keys.get(active.get(48));
        SigningKey house = s.keys.get(active.get(51));
        SigningKey plot = s.keys.get(active.get(52));
        // the workshop's neighbours register their residences (two on its parcel, the others along the street) and
        // then their opinion keys: in use from the next epoch, which is the present's or an earlier one
        int[] homes = {annex.get(0), annex.get(0), annex.get(2), annex.get(2), annex.get(3), annex.get(1)};
        for (int i = 0; i < NEIGHBOURS.length; i++) {
            s.submit(s.keys.get(active.get(NEIGHBOURS[i])), new LandTx.Reside(homes[i]));
        }
        s.waitForAll();
        registerOpinionKeys(s, active);
        s.submit(workshop, new LandTx.Claim(annex.get(0), 0, Optional.of(250 * UNIT), 20 * UNIT));
        // a deposit that lasts under two days at 7% of 150: the parcel is foreclosed on day 94.6
        s.submit(short_, new LandTx.Claim(annex.get(1), 0, Optional.of(150 * UNIT), UNIT / 20));
        s.submit(seller, new LandTx.Claim(annex.get(2), 0, Optional.of(120 * UNIT), 10 * UNIT));
        s.submit(house, new LandTx.Claim(kilimani.get(0), 0, Optional.empty(), 15 * UNIT));
        s.submit(plot, new LandTx.Claim(kilimani.get(1), 0, Optional.empty(), 10 * UNIT));
        // the assembly assesses the two held plots in Kilimani (votes on days 94.1 to 94.9, carried out on day 98)
        List<DemoProposals.Plan> assessments = List.of(
                assess("Assess plot " + kilimani.get(0) + " in Kilimani", kilimani.get(0), 2_000 * UNIT),
                assess("Assess plot " + kilimani.get(1) + " in Kilimani", kilimani.get(1), 1_200 * UNIT));
        List<Hash> votes = s.proposeAll(assessments, 92.95, citizens);
        s.day(93.1);
        s.submit(workshop, new LandTx.Build(annex.get(0), "Workshop and shared kitchen on the ground floor",
                180 * UNIT));
        s.submit(house, new LandTx.Build(kilimani.get(0), "Two-storey house with a tailor's workshop", 900 * UNIT));
        s.submit(house, new LandTx.Reside(kilimani.get(0)));
        // day 94: a neighbour bids for the third plot at its price; the holder has seven days to answer
        s.day(94);
        s.submit(bidder, new LandTx.Bid(annex.get(2), 120 * UNIT, 8 * UNIT));
        s.voteAll(votes, assessments, 94.15, 94.9, voters, delegates);
        s.day(94.92);
        s.settle();
        s.waitForAll();
    }

    private static void registerOpinionKeys(DemoSociety.Seeder s, List<String> active) {
        Hash society = s.read(SocietyView::id);
        SecureRandom random = new SecureRandom();
        ArrayNode saved = JsonNodeFactory.instance.arrayNode();
        for (int i : NEIGHBOURS) {
            String name = active.get(i);
            SigningKey key = s.keys.get(name);
            RingKeyPair pair = RingKeyPair.generate(random);
            s.submit(key, Opinions.registration(society, key.did(), pair, random));
            saved.addObject().put("name", name).put("did", key.did())
                    .put("public", OpinionKeyFile.b64(pair.publicKey().encode()))
                    .put("secret", OpinionKeyFile.b64(pair.secret().encode()));
            if (i == NEIGHBOURS[NEIGHBOURS.length - 1]) {
                // the neighbour who says nothing in the demo: their opinion key as a file a browser or the CLI brings in
                OpinionKeyFile.write(s.data().resolve(SILENT_NEIGHBOUR), pair, key.did());
            }
        }
        try {
            KeyFile.writePrivate(s.data().resolve(OPINION_KEYS), saved.toPrettyString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * At the end of the history, in the epoch of the present: the workshop's ring is recorded (by a one-time key:
     * anyone may) and its neighbours speak, each opinion in an envelope signed by a fresh one-time key, spread over
     * the hours left before the present. The holder and two others approve, one disapproves, one approves and then
     * changes their mind, one says nothing: N = 6, A = 3, D = 2, 5% × 5/12 ≈ 2.083%.
     */
    static void opinions(DemoSociety.Seeder s) {
        Parameters params = s.read(SocietyView::parameters);
        Hash society = s.read(SocietyView::id);
        long day = 86_400_000L;
        long present = s.genesisTime() + DemoSociety.HISTORY_DAYS * day; // at or before the clock's end
        long epochMs = params.get(LandParams.RING_EPOCH_DAYS) * day;
        long epoch = Land.epochOf(present, params);
        long from = Math.min(present, Math.max(epoch * epochMs, s.read(SocietyView::time)) + 60_000);
        long to = Math.max(from, Math.min(s.genesisTime() + (long) (99.85 * day), present - 60_000));
        int building = s.read(v -> v.view(Land.class).buildingTax(0).orElseThrow().building());
        Map<String, RingKeyPair> keys = opinionKeys(s.data());
        List<RingKeyPair> pairs = List.copyOf(keys.values()); // in the order of NEIGHBOURS
        List<Said> said = List.of(new Said(0, BuildingTax.Opinion.APPROVE, 1),
                new Said(2, BuildingTax.Opinion.DISAPPROVE, 1), new Said(1, BuildingTax.Opinion.APPROVE, 1), new Said(3, BuildingTax.Opinion.APPROVE, 1),
                new Said(4, BuildingTax.Opinion.APPROVE, 1),
                new Said(3, BuildingTax.Opinion.DISAPPROVE, 2)); // changes their mind; neighbour 5 says nothing
        int steps = said.size() + 1;
        SecureRandom random = new SecureRandom();
        s.day((from - s.genesisTime()) / (double) day);
        List<String> members = s.read(v -> v.view(Land.class).neighbours(building, epoch, v.parameters()));
        s.submit(SigningKey.generate(), new LandTx.RecordRing(building, epoch, members));
        for (int i = 0; i < said.size(); i++) {
            Said o = said.get(i);
            s.day((from + (to - from) * (i + 1) / steps - s.genesisTime()) / (double) day);
            s.submit(SigningKey.generate(), Opinions.opine(society, building, epoch, o.seq(), o.opinion(), members,
                    pairs.get(o.neighbour()), random));
        }
        s.waitForAll();
    }
}
