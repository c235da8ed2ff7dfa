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
        "ballots. Exits 1 if they differ, 4 if the vote has not closed yet."})
final class TallyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROPOSAL", description = "The proposal's number (as `proposal list` shows it) or id.")
    String proposal;

    @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: ${DEFAULT-VALUE}).")
    String node;

    @Override
    public Integer call() {
        NodeClient client = new NodeClient(node);
        org.phyle.crypto.Hash id = Refs.proposal(client, proposal);
        JsonNode published;
        try {
            published = client.getJson("/proposals/" + id.hex() + "/tally");
        } catch (NodeClient.ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            published = null; // no tally yet: the replay below says why
        }
        Auditor.Report report;
        try (ParallelDecoder parallel = new ParallelDecoder(); ProgressBar bar = new ProgressBar("replaying", "entries")) {
            report = new Auditor(parallel).verify(new HttpLedgerSource(client), null, null, bar::update);
        } catch (AuditFailure e) {
            System.out.println("FAILED: the ledger does not verify: " + e.getMessage());
            return 1;
        }
        Proposal p = report.state().governance().byId(id).orElse(null);
        if (p == null) {
            System.out.println("FAILED: the ledger holds no proposal " + proposal);
            return 1;
        }
        if (p.result() == null) {
            if (published != null && published.path("final").asBoolean()) {
                System.out.println("DIFFERS: the node calls the tally of proposal #" + p.number() + " final, but it is "
                        + p.state().json() + " in the replayed ledger");
                return Outcome.FAILED;
            }
            System.out.println("NOT YET: proposal #" + p.number() + " \"" + p.title() + "\" is " + p.state().json()
                    + (p.closesAt() > 0 ? " until " + java.time.Instant.ofEpochMilli(p.closesAt()) : "")
                    + ": there is no final tally to recount until its vote closes. Ask again then.");
            return Outcome.PENDING;
        }
        JsonNode recount = report.state().governance().tally(p).toJson(p.options());
        JsonNode replayed = p.result().toJson(p.options());
        // compared as canonical JSON: a number parsed from the node's answer and one counted here are the same
        // value even where Jackson holds one as an int and the other as a long
        byte[] mine = Jcs.canonicalize(recount);
        boolean agrees = Arrays.equals(mine, Jcs.canonicalize(replayed))
                && published != null && Arrays.equals(mine, Jcs.canonicalize(published.get("tally")));
        System.out.println((agrees ? "AGREES" : "DIFFERS") + ": proposal #" + p.number() + " \"" + p.title() + "\" ("
                + p.method().json() + "), closed in block " + p.closedHeight());
        System.out.println("  recounted from " + p.ballotCount() + " ballots:");
        TallyText.print(recount, p.options(), "    ");
        if (!agrees) {
            System.out.println("  the node says:");
            if (published == null) {
                System.out.println("    (no tally)");
            } else {
                TallyText.print(published.get("tally"), p.options(), "    ");
            }
        }
        return agrees ? 0 : 1;
    }
}
