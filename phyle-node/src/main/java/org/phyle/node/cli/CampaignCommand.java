package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.phyle.core.economy.EconomyTx;
import org.phyle.crypto.VerifyingKey;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "campaign", description = "Territory campaigns: list and show them, start one, pledge to one.",
        subcommands = {CampaignCommand.ListCampaigns.class, CampaignCommand.Show.class, CampaignCommand.Start.class,
                CampaignCommand.Pledge.class})
final class CampaignCommand {

    static String line(JsonNode c, String code) {
        return String.format("#%-3d %-8s %s of %s (%d.%02d%%), %d pledges, deadline %s  %s — %s, %s",
                c.get("number").asInt(), c.get("state").asText(), Amounts.show(c.get("pledged"), code),
                Amounts.show(c.get("target"), code), c.get("progressBp").asLong() / 100,
                c.get("progressBp").asLong() % 100, c.get("pledges").asInt(),
                Instant.ofEpochMilli(c.get("deadline").asLong()), c.get("title").asText(), c.get("property").asText(),
                c.get("country").asText());
    }

    @Command(name = "list", description = "Every campaign, oldest first.")
    static final class ListCampaigns extends EconomyCommand.Read {
        @Override
        String path() {
            return "/campaigns";
        }

        @Override
        void print(JsonNode page, String code) {
            for (JsonNode c : page.get("campaigns")) {
                System.out.println(line(c, code));
            }
            if (page.get("campaigns").isEmpty()) {
                System.out.println("No campaigns yet.");
            }
        }
    }

    @Command(name = "show", description = "A campaign with its pledges and outcome.")
    static final class Show extends EconomyCommand.Read {
        @Parameters(paramLabel = "N", description = "The campaign's number.")
        int number;

        @Override
        String path() {
            return "/campaigns/" + number;
        }

        @Override
        void print(JsonNode c, String code) {
            System.out.println(line(c, code));
            System.out.println("  steward " + c.get("steward").asText() + ", started by " + c.get("creator").asText());
            for (JsonNode p : c.get("pledgeList")) {
                System.out.println("  " + Instant.ofEpochMilli(p.get("time").asLong()) + "  "
                        + Amounts.show(p.get("amount"), code) + "  " + p.get("pledger").asText());
            }
            switch (c.get("state").asText()) {
                case "funded" -> System.out.println("Funded: the money went to the treasury's land budget"
                        + (c.get("territory").isNull() ? "." : "; territory " + c.at("/territory/property").asText()
                        + " is " + c.at("/territory/status").asText() + "."));
                case "refunded" -> System.out.println("Not funded by its deadline: every pledge was refunded.");
                default -> System.out.println("Open until " + Instant.ofEpochMilli(c.get("deadline").asLong()) + ".");
            }
        }
    }

    @Command(name = "start", description = "Start a campaign to fund a territory.")
    static final class Start implements Callable<Integer> {
        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--property", required = true, description = "The property to buy (a description or reference).")
        String property;

        @Option(names = "--country", required = true, description = "ISO 3166 alpha-2 code, e.g. PT.")
        String country;

        @Option(names = "--target", required = true, description = "The amount to raise, in units.")
        String target;

        @Option(names = "--deadline", required = true, description = "A date (2027-01-31, UTC) or an instant.")
        String deadline;

        @Option(names = "--steward", required = true, description = "The did:key who answers for the campaign.")
        String steward;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            VerifyingKey s;
            try {
                s = VerifyingKey.fromDid(steward);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--steward is a did:key, not '" + steward + "'");
            }
            new Submitter(signer.node).submit(signer.key, new EconomyTx.Campaign(title, property, country,
                    Amounts.parse(target), Amounts.date(deadline, "--deadline"), s));
            return 0;
        }
    }

    @Command(name = "pledge", description = "Pledge to a campaign: held in escrow, refunded if it fails.")
    static final class Pledge implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "N", description = "The campaign's number.")
        int number;

        @Parameters(index = "1", paramLabel = "AMOUNT", description = "Units, with at most six decimals.")
        String amount;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            new Submitter(signer.node).submit(signer.key, new EconomyTx.Pledge(number, Amounts.parse(amount)));
            return 0;
        }
    }
}
