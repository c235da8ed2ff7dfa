package org.phyle.node.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Parameters;
import org.phyle.core.economy.Economy;
import org.phyle.core.economy.EconomyActions;
import org.phyle.core.economy.EconomyParams;
import org.phyle.core.economy.EconomyTx;
import org.phyle.core.economy.Matching;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.Threshold;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

/**
 * The demo society's economy: a currency named at the genesis, a treasury that votes pay stipends from and a
 * builder's grant that vests over a year, transfers between neighbours, a quadratic funding round paid out and another
 * still taking contributions, a campaign for a territory that reached its target, one that did not (its pledges
 * refunded) and one still open, a citizen locking savings, and a dividend paid from the treasury's revenue.
 */
final class DemoEconomy {
    static final String CURRENCY = "Horta";
    static final String CODE = "HRT";
    static final long UNIT = EconomyParams.UNIT;
    /** Half of the revenue goes back to the citizens at the end of each 30-day period. */
    static final long DIVIDEND_SHARE_BP = 5_000;

    private DemoEconomy() {
    }

    /** The genesis's economic parameters, set explicitly: a society founded without them would have no money. */
    static Parameters parameters(Parameters p) {
        return DemoLand.parameters(p).withName(EconomyParams.CURRENCY_NAME.name(), CURRENCY)
                .withName(EconomyParams.CURRENCY_CODE.name(), CODE)
                .with(EconomyParams.GENESIS_ALLOCATION.name(), 1_000_000 * UNIT)
                .with(EconomyParams.ISSUANCE_CAP_BP.name(), 200)
                .with(EconomyParams.DIVIDEND_SHARE_BP.name(), DIVIDEND_SHARE_BP)
                .with(EconomyParams.DIVIDEND_PERIOD_DAYS.name(), 30);
    }

    private static DemoProposals.Plan plan(String title, String text, ProposalAction action) {
        return new DemoProposals.Plan(new GovernanceTx.Propose(title, text, "economy", action.kind(), action,
                Method.YES_NO, List.of(), 1, 0, false, Threshold.named("majority"), Optional.of(48)),
                new double[] {0.78, 0.17, 0.05}, 0.6);
    }

    private static DemoProposals.Plan landPlan(String title, String text, ProposalAction action) {
        return new DemoProposals.Plan(new GovernanceTx.Propose(title, text, "land", action.kind(), action,
                Method.YES_NO, List.of(), 1, 0, false, Threshold.named("majority"), Optional.of(48)),
                new double[] {0.78, 0.17, 0.05}, 0.6);
    }

    /** Days 80 to 95 of the history: four votes on money and one on land, then what the money did, then the land. */
    static void history(DemoSociety.Seeder s, List<String> citizens, List<String> voters, List<String> delegates) {
        String treasurer = citizens.get(2);
        String builder = citizens.get(3);
        List<DemoProposals.Plan> plans = List.of(
                plan("Stipends for the neighbourhood kitty", "Twenty thousand horta to the treasurer, who pays each "
                                + "active neighbour a stipend of three hundred to spend in the commons.",
                        new EconomyActions.TreasurySpend(s.keys.get(treasurer).did(), 20_000 * UNIT, "stipends",
                                "Stipends for active neighbours")),
                plan("Pay the garden's builder over a year", "Twelve thousand horta for the greenhouse, vesting over "
                                + "a year after a month's cliff, so that the work and the pay go together.",
                        new EconomyActions.TreasurySpend(s.keys.get(builder).did(), 12_000 * UNIT, "works",
                                "Greenhouse construction", 365, 30)),
                plan("Spring public goods round", "Five thousand horta to match what neighbours give to projects, "
                                + "quadratically: many small gifts count for more than a few large ones.",
                        new EconomyActions.FundingRound("Spring public goods", 5_000 * UNIT, 24, 72,
                                EconomyActions.Approval.STEWARDS, Matching.Mode.STANDARD, 5_000, 0)),
                plan("Summer public goods round", "Eight thousand horta, matched pairwise so that a close group "
                                + "giving together counts for less than the same gifts from strangers.",
                        new EconomyActions.FundingRound("Summer public goods", 8_000 * UNIT, 48, 24 * 30,
                                EconomyActions.Approval.STEWARDS, Matching.Mode.PAIRWISE, 5_000, 10 * UNIT)),
                landPlan("Plots in Kilimani, Nairobi", "A territory for the members who live in Nairobi: plots "
                                + "drawn by their steward, held under a land value tax of 2% a year on the assessed "
                                + "value of the land, what is built on it exempt.",
                        DemoLand.nairobi(s.keys.get(citizens.get(3)).did())));
        List<Hash> ids = s.proposeAll(plans, 80.5, citizens);
        s.voteAll(ids, plans, 81.7, 83.4, voters, delegates);
        // the votes close at 83.7 with the next block: the minutes of the assembly that discussed them make one
        s.day(84);
        String minutes = "Minutes of the assembly on the treasury: stipends, the greenhouse, two funding rounds";
        s.submit(s.keys.get(citizens.get(0)), new NotaryRecord(Hash.sha256(minutes.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), minutes, Optional.empty()));
        // the timelock ran out at 86: the treasury paid, the rounds opened
        s.day(86.2);
        s.settle();
        int spring = round(s, "Spring public goods");
        int summer = round(s, "Summer public goods");

        // the treasurer pays the stipends; neighbours apply with projects; two campaigns for land begin
        SigningKey kitty = s.keys.get(treasurer);
        List<String> active = new ArrayList<>(citizens.subList(4, 64));
        active.remove(citizens.get(60)); // left the society on day 80
        for (String name : active) {
            s.submit(kitty, new EconomyTx.Transfer(s.keys.get(name).did(), 300 * UNIT, "stipend", false));
        }
        String[][] springProjects = {
                {"Seed library", "Seeds saved from the garden, lent to anyone who brings some back."},
                {"Tool repair evenings", "Monthly evenings to mend what the tools library lends."},
                {"Rainwater tanks", "Two tanks on the workshop roof for the garden's dry months."}};
        String[][] summerProjects = {
                {"Kids' coding club laptops", "Six refurbished laptops for the Saturday club."},
                {"Shade for the courtyard", "A sail over the courtyard so that summer assemblies can meet there."},
                {"Community kitchen fridge", "A second fridge for the kitchen's shared meals."}};
        for (int i = 0; i < 3; i++) {
            s.submit(s.keys.get(active.get(40 + i)), new EconomyTx.Apply(spring, springProjects[i][0],
                    s.keys.get(active.get(40 + i)).verifyingKey(), springProjects[i][1]));
            s.submit(s.keys.get(active.get(45 + i)), new EconomyTx.Apply(summer, summerProjects[i][0],
                    s.keys.get(active.get(45 + i)).verifyingKey(), summerProjects[i][1]));
        }
        long day = 86_400_000L;
        long genesis = s.genesisTime();
        s.submit(s.keys.get(citizens.get(0)), new EconomyTx.Campaign("The annex of Casa da Horta",
                "Rua da Horta 14, ground floor", "PT", 4_000 * UNIT, genesis + 92 * day,
                s.keys.get(citizens.get(0)).verifyingKey()));
        s.submit(s.keys.get(citizens.get(1)), new EconomyTx.Campaign("A second garden in Marvila",
                "Plot 7, Rua do Vale Formoso", "PT", 20_000 * UNIT, genesis + 92 * day,
                s.keys.get(citizens.get(1)).verifyingKey()));

        // the stewards approve the projects; a few pay the market's stall fees (revenue); one locks savings
        s.day(86.4);
        for (int steward = 0; steward < 2; steward++) {
            for (int i = steward; i < 3; i += 2) {
                s.submit(s.keys.get(citizens.get(steward)), new EconomyTx.Approve(spring, i));
                s.submit(s.keys.get(citizens.get(steward)), new EconomyTx.Approve(summer, i));
            }
        }
        for (String name : active.subList(0, 12)) {
            s.submit(s.keys.get(name), EconomyTx.Transfer.toTreasury(25 * UNIT, "market stall fee", true));
        }
        s.submit(s.keys.get(active.get(50)), new EconomyTx.Lock(100 * UNIT, Optional.of(genesis + 130 * day),
                genesis + 220 * day));

        // contributions to the spring round (open from day 87.2 to 90.2): many small gifts and a few large ones
        s.day(87.4);
        java.util.Random random = new java.util.Random(87);
        for (int i = 0; i < 36; i++) {
            String name = active.get(i);
            int project = i % 7 == 0 ? 2 : i % 3;
            long amount = (i % 9 == 0 ? 60 : 2 + random.nextInt(12)) * UNIT;
            s.submit(s.keys.get(name), new EconomyTx.Contribute(spring, project, amount));
        }
        // pledges: the annex reaches its target, the second garden does not
        for (String name : active.subList(10, 30)) {
            s.submit(s.keys.get(name), new EconomyTx.Pledge(0, 200 * UNIT));
        }
        for (String name : active.subList(30, 38)) {
            s.submit(s.keys.get(name), new EconomyTx.Pledge(1, 50 * UNIT));
        }

        // the summer round takes contributions from day 88.2 for thirty days: some so far
        s.day(88.5);
        for (int i = 0; i < 18; i++) {
            s.submit(s.keys.get(active.get(20 + i)), new EconomyTx.Contribute(summer, i % 3,
                    (3 + random.nextInt(8)) * UNIT));
        }

        // day 90: the period's dividend is paid by itself; the treasurer pays out the spring round
        s.day(90.4);
        s.settle();
        s.submit(kitty, new EconomyTx.Payout(spring));
        // day 92: both campaigns reach their deadline and settle by themselves
        s.day(92.5);
        s.settle();
        // a third campaign is still open, its deadline weeks after the history ends: some pledges so far
        s.submit(s.keys.get(citizens.get(2)), new EconomyTx.Campaign("A workshop roof in Alcântara",
                "Travessa do Sacramento 3, the roof over the old print shop", "PT", 1_500 * UNIT, genesis + 140 * day,
                s.keys.get(citizens.get(2)).verifyingKey()));
        s.day(92.7);
        for (String name : active.subList(38, 44)) {
            s.submit(s.keys.get(name), new EconomyTx.Pledge(2, 40 * UNIT));
        }
        s.waitForAll();
        DemoLand.history(s, citizens, active, voters, delegates);
    }

    private static int round(DemoSociety.Seeder s, String title) {
        return s.read(v -> v.view(Economy.class).rounds().stream().filter(r -> r.title().equals(title))
                .findFirst().map(Economy.Round::number).orElseGet(() -> {
                    // say why, for whoever changes the history: the proposal's state and tally at this time
                    String why = v.governance().proposals().stream().filter(x -> x.title().startsWith(title))
                            .findFirst().map(x -> x.state() + ", executable at " + x.executableAt() + ", "
                                    + v.governance().tally(x)).orElse("no proposal");
                    throw new IllegalStateException("the vote on " + title + " did not open a round by "
                            + v.time() + ": " + why);
                }));
    }
}
