package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.phyle.core.governance.Proposal;
import org.phyle.crypto.Jcs;
import org.phyle.node.ParallelDecoder;
import org.phyle.node.audit.AuditFailure;
import org.phyle.node.audit.Auditor;
import org.phyle.node.audit.HttpLedgerSource;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tally", description = {"Recompute a proposal's tally from the ledger alone and compare it with the",
        "node's: the whole ledger is fetched and verified, every block replayed, and the tally recounted from the",
        "ballots. Exits 1 if they differ."})
final class TallyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROPOSAL", description = "The proposal's id.")
    String proposal;

    @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: ${DEFAULT-VALUE}).")
    String node;

    @Override
    public Integer call() {
        NodeClient client = new NodeClient(node);
        JsonNode published = client.getJson("/proposals/" + ProposalCommand.id(proposal).hex() + "/tally");
        Auditor.Report report;
        try (ParallelDecoder parallel = new ParallelDecoder(); ProgressBar bar = new ProgressBar("replaying", "entries")) {
            report = new Auditor(parallel).verify(new HttpLedgerSource(client), null, null, bar::update);
        } catch (AuditFailure e) {
            System.out.println("FAILED: the ledger does not verify: " + e.getMessage());
            return 1;
        }
        Proposal p = report.state().governance().byId(ProposalCommand.id(proposal)).orElse(null);
        if (p == null) {
            System.out.println("FAILED: the ledger holds no proposal " + proposal);
            return 1;
        }
        if (p.result() == null) {
            System.out.println("Proposal #" + p.number() + " is " + p.state().json() + " in the replayed ledger: not tallied yet.");
            return published.get("final").asBoolean() ? 1 : 0;
        }
        JsonNode recount = report.state().governance().tally(p).toJson(p.options());
        JsonNode replayed = p.result().toJson(p.options());
        // compared as canonical JSON: a number parsed from the node's answer and one counted here are the same
        // value even where Jackson holds one as an int and the other as a long
        byte[] mine = Jcs.canonicalize(recount);
        boolean agrees = Arrays.equals(mine, Jcs.canonicalize(replayed))
                && Arrays.equals(mine, Jcs.canonicalize(published.get("tally")));
        System.out.println((agrees ? "AGREES" : "DIFFERS") + ": proposal #" + p.number() + " \"" + p.title() + "\" ("
                + p.method().json() + "), closed in block " + p.closedHeight());
        System.out.println("  recounted from " + p.ballotCount() + " ballots: " + recount);
        if (!agrees) {
            System.out.println("  the node says:  " + published.get("tally"));
        }
        return agrees ? 0 : 1;
    }
}
