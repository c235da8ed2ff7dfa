package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.phyle.node.KeyFile;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wallet", description = "An account's balance, what is locked, and its locks and vesting schedules.")
final class WalletCommand implements Callable<Integer> {
    static final class Whose {
        @Option(names = "--key", description = "Your key file (its did:key is the account).")
        Path key;

        @Parameters(paramLabel = "DID", description = "The account's did:key.")
        String did;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Whose whose;

    @Mixin
    CitizenCommand.Reader reader;

    @Mixin
    JsonOutput json;

    @Override
    public Integer call() {
        String did = whose.key != null ? KeyFile.read(whose.key).did() : whose.did;
        NodeClient client = new Submitter(reader.node).client();
        JsonNode a = client.getJson("/accounts/" + did);
        if (json.json) {
            json.print(a);
            return 0;
        }
        String code = EconomyCommand.code(client.getJson("/economy"));
        System.out.println("Account:   " + did + (a.get("person").isNull() ? ""
                : " (" + a.at("/person/name").asText() + ", #" + a.at("/person/number").asInt() + ")"));
        System.out.println("Spendable: " + Amounts.show(a.get("spendable"), code));
        System.out.println("Locked:    " + Amounts.show(a.get("locked"), code));
        for (JsonNode l : a.get("locks")) {
            System.out.println("  lock #" + l.get("id").asInt() + " (" + l.get("source").asText() + "): "
                    + Amounts.show(l.get("amount"), code) + " from " + Instant.ofEpochMilli(l.get("start").asLong())
                    + " to " + Instant.ofEpochMilli(l.get("end").asLong()) + ", cliff "
                    + Instant.ofEpochMilli(l.get("cliff").asLong()) + "; released "
                    + Amounts.show(l.get("released"), code) + ", still locked " + Amounts.show(l.get("locked"), code));
        }
        for (JsonNode p : a.get("patronOf")) {
            System.out.println("  patron of campaign #" + p.get("campaign").asInt() + " " + p.get("title").asText()
                    + " (" + p.get("state").asText() + "): pledged " + Amounts.show(p.get("pledged"), code));
        }
        return 0;
    }
}
