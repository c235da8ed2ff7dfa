package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.core.land.Estate.DAY;
import static org.phyle.core.land.Estate.U;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.economy.EconomyCode;
import org.phyle.core.economy.EconomyTx;
import org.phyle.core.economy.Market;
import org.phyle.core.tx.TxCode;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;

/** Territories from a funded campaign or by governance, parcels and their geometry, residences; every refusal. */
class TerritoryTest {
    final Estate e = new Estate(4);

    @Test
    void aFundedCampaignsStewardEstablishesItsTerritoryOnce() {
        long deadline = e.m.now + 10 * DAY;
        e.m.ok(e.m.citizen(1), new EconomyTx.Campaign("The annex", "Rua da Horta 14", "PT", 100 * U, deadline,
                e.m.citizen(2).verifyingKey()));
        e.m.ok(e.m.citizen(3), new EconomyTx.Pledge(0, 100 * U));
        LandTx.Establish est = new LandTx.Establish(0, "Horta", Tenure.HARBERGER, 700, U / 100);
        e.m.refused(e.m.citizen(2), est, LandCode.CAMPAIGN_NOT_FUNDED);
        e.m.refused(e.m.citizen(2), new LandTx.Establish(1, "Horta", Tenure.HARBERGER, 700, 0),
                EconomyCode.UNKNOWN_CAMPAIGN);
        e.m.at(deadline);
        e.m.refused(e.m.citizen(1), est, LandCode.NOT_THE_STEWARD);
        e.m.ok(e.m.citizen(2), est);
        Territory t = e.land().territoryOfCampaign(0).orElseThrow();
        assertThat(t.country()).isEqualTo("PT");
        assertThat(t.steward()).isEqualTo(e.m.did(2));
        assertThat(t.tenure()).isEqualTo(Tenure.HARBERGER);
        e.m.refused(e.m.citizen(2), est, LandCode.ALREADY_ESTABLISHED);
        assertThat(e.m.replay().digest()).isEqualTo(e.m.society.digest());
    }

    @Test
    void parcelsMayTouchButNotOverlapAndTheirGeometryIsChecked() {
        int t = e.territory(Tenure.HARBERGER, 700, U / 100);
        e.parcel(t, 0);
        e.parcel(t, 1); // shares an edge with parcel 0
        Parcel p = e.parcel(0);
        assertThat(p.area()).isBetween(9_600L, 9_800L); // 0.001° × 0.001° at 38.7° N
        assertThat(p.ring().toJson().toString()).isEqualTo(Estate.square(0, 0).toString());
        // half a square over parcel 1
        JsonNode over = Estate.polygon(new long[][] {{5_000, 0}, {15_000, 0}, {15_000, 10_000}, {5_000, 10_000}},
                1, 0);
        e.m.refused(e.m.citizen(1), new LandTx.NewParcel(t, over, Estate.area(over), Optional.empty()),
                LandCode.OVERLAP);
        // a clockwise ring is stored counter-clockwise
        JsonNode cw = Estate.polygon(new long[][] {{0, 0}, {0, 10_000}, {10_000, 10_000}, {10_000, 0}}, 5, 0);
        e.m.ok(e.m.citizen(1), new LandTx.NewParcel(t, cw, Estate.area(cw), Optional.empty()));
        assertThat(e.parcel(2).ring()).isEqualTo(Ring.read(Estate.square(5, 0), 10));
        // a bow tie is not simple
        JsonNode bowTie = Estate.polygon(new long[][] {{0, 0}, {10_000, 10_000}, {10_000, 0}, {0, 10_000}}, 7, 0);
        e.m.refused(e.m.citizen(1), new LandTx.NewParcel(t, bowTie, 5_000, Optional.empty()), LandCode.BAD_GEOMETRY);
        JsonNode line = Estate.polygon(new long[][] {{0, 0}, {10_000, 0}, {20_000, 0}}, 7, 0);
        e.m.refused(e.m.citizen(1), new LandTx.NewParcel(t, line, 1, Optional.empty()), LandCode.BAD_GEOMETRY);
        JsonNode open = StrictJson.parse("{\"type\":\"Polygon\",\"coordinates\":[[[-9.1,38.7],[-9.09,38.7],"
                + "[-9.09,38.71],[-9.1,38.71]]]}");
        e.m.refused(e.m.citizen(1), new LandTx.NewParcel(t, open, 1, Optional.empty()), LandCode.BAD_GEOMETRY);
        JsonNode precise = StrictJson.parse("{\"type\":\"Polygon\",\"coordinates\":[[[-9.12345678,38.7],"
                + "[-9.09,38.7],[-9.09,38.71],[-9.12345678,38.7]]]}");
        e.m.refused(e.m.citizen(1), new LandTx.NewParcel(t, precise, 1, Optional.empty()), LandCode.BAD_GEOMETRY);
        JsonNode point = StrictJson.parse("{\"type\":\"Point\",\"coordinates\":[-9.1,38.7]}");
        e.m.refused(e.m.citizen(1), new LandTx.NewParcel(t, point, 1, Optional.empty()), LandCode.BAD_GEOMETRY);
        JsonNode far = Estate.square(9, 0);
        e.m.refused(e.m.citizen(1), new LandTx.NewParcel(t, far, Estate.area(far) + 500, Optional.empty()),
                LandCode.AREA_MISMATCH);
        e.m.refused(e.m.citizen(2), new LandTx.NewParcel(t, far, Estate.area(far), Optional.empty()),
                LandCode.NOT_THE_STEWARD);
        e.m.refused(e.m.citizen(1), new LandTx.NewParcel(9, far, Estate.area(far), Optional.empty()),
                LandCode.UNKNOWN_TERRITORY);
        long[][] many = new long[501][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new long[] {i * 10L, i % 2 == 0 ? 0 : 10};
        }
        e.m.refused(e.m.citizen(1), new LandTx.NewParcel(t, Estate.polygon(many, 20, 0), 1, Optional.empty()),
                LandCode.TOO_MANY_POINTS);
        assertThat(e.m.replay().digest()).isEqualTo(e.m.society.digest());
    }

    @Test
    void aParcelReservedForAKeyIsClaimedOnlyByIt() {
        int t = e.territory(Tenure.HARBERGER, 700, U / 100);
        JsonNode g = Estate.square(0, 0);
        e.m.ok(e.m.citizen(1), new LandTx.NewParcel(t, g, Estate.area(g), Optional.of(e.m.did(3))));
        e.m.refused(e.m.citizen(2), new LandTx.Claim(0, 0, Optional.of(100 * U), U), LandCode.RESERVED);
        e.m.ok(e.m.citizen(3), new LandTx.Claim(0, 0, Optional.of(100 * U), U));
    }

    @Test
    void badClaimsBidsAndHolderActsAreRefusedAndChangeNothing() {
        int t = e.territory(Tenure.HARBERGER, 700, U / 100);
        int p = e.parcel(t, 0); // about 9,700 m²: at least 97 units
        SigningKey stranger = Market.stranger(1);
        e.m.refused(e.m.citizen(2), new LandTx.Claim(7, 0, Optional.of(100 * U), U), LandCode.UNKNOWN_PARCEL);
        e.m.refused(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.of(0L), U), LandCode.PRICE_NOT_POSITIVE);
        e.m.refused(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.of(-5L), U), LandCode.PRICE_NOT_POSITIVE);
        e.m.refused(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.empty(), U), LandCode.PRICE_NOT_POSITIVE);
        e.m.refused(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.of(90 * U), U), LandCode.PRICE_UNDER_MINIMUM);
        e.m.refused(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.of(100 * U), 0), LandCode.DEPOSIT_NOT_POSITIVE);
        e.m.refused(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.of(100 * U), -1), LandCode.DEPOSIT_NOT_POSITIVE);
        e.m.refused(e.m.citizen(2), new LandTx.Claim(p, 1, Optional.of(100 * U), U), LandCode.STALE_PRICE);
        e.m.refused(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.of(100 * U), 20_000 * U), LandCode.FUNDS_SHORT);
        e.m.refused(e.m.citizen(2), new LandTx.SetPrice(p, 100 * U), LandCode.NOT_HELD);
        e.m.ok(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.of(100 * U), 10 * U));
        e.m.later(DAY);
        e.m.refused(e.m.citizen(3), new LandTx.SetPrice(p, 200 * U), LandCode.NOT_THE_HOLDER);
        e.m.refused(e.m.citizen(2), new LandTx.SetPrice(p, 50 * U), LandCode.PRICE_UNDER_MINIMUM);
        e.m.refused(e.m.citizen(2), new LandTx.SetPrice(p, 0), LandCode.PRICE_NOT_POSITIVE);
        e.m.refused(e.m.citizen(2), new LandTx.Deposit(p, 0), LandCode.DEPOSIT_NOT_POSITIVE);
        e.m.refused(e.m.citizen(2), new LandTx.Deposit(p, 20_000 * U), LandCode.FUNDS_SHORT);
        e.m.refused(e.m.citizen(2), new LandTx.Withdraw(p, 10 * U), LandCode.WITHDRAW_TOO_MUCH);
        e.m.refused(e.m.citizen(2), new LandTx.Withdraw(p, -1), LandCode.DEPOSIT_NOT_POSITIVE);
        e.m.refused(e.m.citizen(2), new LandTx.Accept(p), LandCode.NO_BID);
        e.m.refused(e.m.citizen(2), new LandTx.Reject(p, 200 * U), LandCode.NO_BID);
        e.m.refused(e.m.citizen(2), new LandTx.Bid(p, 100 * U, U), LandCode.SELF_BID);
        e.m.refused(e.m.citizen(3), new LandTx.Bid(p, 99 * U, U), LandCode.STALE_PRICE);
        e.m.refused(e.m.citizen(3), new LandTx.Bid(p, 100 * U, 0), LandCode.DEPOSIT_NOT_POSITIVE);
        e.m.refused(e.m.citizen(3), new LandTx.Bid(p, 100 * U, 9_950 * U), LandCode.COLLATERAL_SHORT);
        e.m.refused(stranger, new LandTx.Bid(p, 100 * U, U), LandCode.COLLATERAL_SHORT);
        e.m.refused(e.m.citizen(3), new LandTx.Claim(p, 0, Optional.of(100 * U), U), LandCode.NOT_AVAILABLE);
        e.m.ok(e.m.citizen(3), new LandTx.Bid(p, 100 * U, U));
        e.m.refused(e.m.citizen(1), new LandTx.Bid(p, 100 * U, U), LandCode.BID_OPEN);
        e.m.refused(e.m.citizen(2), new LandTx.SetPrice(p, 200 * U), LandCode.BID_OPEN);
        e.m.refused(e.m.citizen(2), new LandTx.Release(p), LandCode.BID_OPEN);
        e.assertConserved();
    }

    @Test
    void aMinimumPriceThatOverflowsIsRefused() {
        int t = e.territory(Tenure.HARBERGER, 700, org.phyle.core.tx.Fields.MAX_SAFE_INTEGER);
        int p = e.parcel(t, 0);
        e.m.refused(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.of(100 * U), U), LandCode.OVERFLOW);
    }

    @Test
    void aDueThatTheBlockPassedIsSettledAtItsEndNotByTheTransaction() {
        int t = e.territory(Tenure.HARBERGER, 1_000, U / 100);
        int p = e.parcel(t, 0);
        e.m.ok(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.of(100 * U), U)); // lasts 36.5 days
        long out = e.land().exhaustedAt(e.parcel(p));
        e.m.now = out + DAY; // the node did not cut a block at the due time
        e.m.refused(e.m.citizen(2), new LandTx.Deposit(p, U), LandCode.DUE_PENDING);
        e.m.at(out + DAY);
        assertThat(e.parcel(p).state()).isEqualTo(Parcel.State.AUCTION);
        assertThat(e.parcel(p).auctionStart()).as("at the exact time the deposit ran out").isEqualTo(out);
        e.assertConserved();
    }

    @Test
    void citizensAndEResidentsResideOnOneParcelAtATime() {
        int t = e.territory(Tenure.LAND_VALUE, 100, 0);
        int a = e.parcel(t, 0);
        int b = e.parcel(t, 1);
        e.m.ok(e.m.citizen(2), new LandTx.Reside(a));
        e.m.ok(e.m.citizen(2), new LandTx.Reside(b));
        assertThat(e.parcel(a).residents()).isEmpty();
        assertThat(e.parcel(b).residents()).containsExactly(e.m.person(2).number());
        assertThat(e.land().residenceOf(e.m.person(2).number())).contains(b);
        e.m.refused(Market.stranger(2), new LandTx.Reside(a), LandCode.NOT_RESIDENT_ELIGIBLE);
        e.m.refused(e.m.citizen(3), new LandTx.Reside(9), LandCode.UNKNOWN_PARCEL);
        e.m.refused(e.m.citizen(3), new LandTx.Leave(), LandCode.NOT_RESIDING);
        SigningKey eres = Market.stranger(3);
        e.m.ok(eres, new org.phyle.core.citizenship.CitizenshipTx.Apply("E", 
                org.phyle.core.citizenship.CitizenshipTx.Seeking.E_RESIDENT, e.m.society.charterHash(),
                Optional.empty()));
        e.m.ok(eres, new LandTx.Reside(a));
        e.m.ok(e.m.citizen(2), new LandTx.Leave());
        assertThat(e.parcel(b).residents()).isEmpty();
        assertThat(e.m.replay().digest()).isEqualTo(e.m.society.digest());
    }

    @Test
    void governanceProposalsAreCheckedWhenMade() {
        int t = e.territory(Tenure.HARBERGER, 700, U / 100);
        e.parcel(t, 0);
        JsonNode g = Estate.square(0, 0);
        org.phyle.core.Rejection r = e.m.refused(e.m.founder, propose("parcel",
                new LandActions.NewParcel(t, g, Estate.area(g), Optional.empty())), LandCode.OVERLAP);
        assertThat(r.getMessage()).contains("parcel 0");
        e.m.refused(e.m.founder, propose("assessment", new LandActions.Assess(0, U)), LandCode.NOT_LAND_VALUE);
        e.m.refused(e.m.founder, propose("assessment", new LandActions.Assess(5, U)), LandCode.UNKNOWN_PARCEL);
        JsonNode h = Estate.square(1, 0);
        e.m.pass("parcel", new LandActions.NewParcel(t, h, Estate.area(h), Optional.empty()));
        assertThat(e.land().parcelCount()).isEqualTo(2);
        assertThat(TxCode.MALFORMED).isNotNull();
    }

    static org.phyle.core.governance.GovernanceTx.Propose propose(String kind,
                                                                  org.phyle.core.proposals.ProposalAction a) {
        return new org.phyle.core.governance.GovernanceTx.Propose("Land", "Because.", "land", kind, a,
                org.phyle.core.proposals.Method.YES_NO, java.util.List.of(), 1, 0, false,
                org.phyle.core.proposals.Threshold.named("majority"), Optional.empty());
    }
}
