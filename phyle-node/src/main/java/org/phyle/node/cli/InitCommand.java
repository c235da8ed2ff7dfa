package org.phyle.node.cli;

import org.phyle.core.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.phyle.core.Block;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.crypto.SigningKey;
import org.phyle.node.KeyFile;
import org.phyle.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", description = {"Create a society: its genesis, signed by the founder, and a node to keep its ledger.",
        "The founder key file is created if it does not exist; the node's own key is created in the data directory."})
final class InitCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "data", description = "Data directory to create (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--name", required = true, description = "The society's name.")
    String name;

    @Option(names = "--purpose", required = true, description = "Its purpose statement, in its own words.")
    String purpose;

    @Option(names = "--founder-key", required = true, description = "The founder's key file (created if missing).")
    Path founderKey;

    @Option(names = "--founder-name", defaultValue = "Founder", description = "The founder's name in the registry (default: ${DEFAULT-VALUE}).")
    String founderName;

    @Option(names = "--param", description = {"A parameter other than its default, e.g. --param tx.maxLifetimeSeconds=600;",
            "lists of keys are comma-separated did:keys."})
    Map<String, String> params = new LinkedHashMap<>();

    @Override
    public Integer call() {
        boolean newFounder = !Files.exists(founderKey);
        SigningKey founder = KeyFile.readOrCreate(founderKey);
        SigningKey nodeKey = SigningKey.generate();
        Block genesis = Society.createGenesis(founder, founderName, nodeKey, name, purpose,
                Catalog.defaultParameters().withText(params), System.currentTimeMillis(), org.phyle.node.client.Nonces.random());
        Node.init(data, genesis, nodeKey);
        System.out.println(genesis.header().society().hex());
        if (newFounder) {
            System.err.println("Founder key written to " + founderKey + ": keep it private and back it up.");
        }
        System.err.println("Society \"" + name + "\" created in " + data + ". Start its node with: phyle serve --data "
                + data);
        return 0;
    }
}
