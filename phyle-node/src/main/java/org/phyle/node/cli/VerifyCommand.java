package org.phyle.node.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phyle.node.ParallelDecoder;
import org.phyle.node.audit.AuditFailure;
import org.phyle.node.audit.Auditor;
import org.phyle.node.audit.DataDirSource;
import org.phyle.node.audit.HttpLedgerSource;
import org.phyle.node.audit.LedgerSource;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", description = {"Audit a society's whole ledger without trusting its operator:",
        "every signature, every block, the Merkle root against the signed checkpoint, the replayed state digest,",
        "and consistency with a checkpoint you saved earlier. Exits 1 naming the first discrepancy."})
final class VerifyCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = "--node", description = "Node URL to audit.")
        String node;

        @Option(names = "--data", description = "Data directory to audit.")
        Path data;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--since", description = "A checkpoint saved earlier (e.g. with --save): the log must still contain it.")
    Path since;

    @Option(names = "--save", description = "Save the latest checkpoint, once verified, to this file.")
    Path save;

    @Option(names = "--key", description = "The sequencer's verifier key (C2SP vkey) you trust; default: the genesis's.")
    String key;

    @Override
    public Integer call() throws Exception {
        String sinceNote = since == null ? null : Files.readString(since);
        LedgerSource ledger = source.node != null ? new HttpLedgerSource(new NodeClient(source.node))
                : new DataDirSource(source.data);
        Auditor.Report report;
        try (ledger; ParallelDecoder parallel = new ParallelDecoder();
             ProgressBar bar = new ProgressBar("verifying", "entries")) {
            report = new Auditor(parallel).verify(ledger, sinceNote, key, bar::update);
        } catch (AuditFailure e) {
            System.out.println("FAILED: " + e.getMessage());
            return 1;
        }
        if (save != null) {
            Inputs.write(save, report.latestCheckpoint());
        }
        System.out.println("OK: " + report.name() + " (" + report.society().hex() + ")");
        System.out.printf("  %,d blocks and %,d entries verified: signatures, links, roots, checkpoints%n",
                report.blocks(), report.entries());
        System.out.println("  root " + report.root().hex());
        System.out.println("  state digest " + report.digest().hex() + " (" + report.claimsChecked()
                + " operator claim(s) matched)");
        System.out.println("  latest checkpoint (" + report.latestSize() + " entries) is consistent with it"
                + (report.sinceChecked() ? ", and so is the one from " + since : ""));
        System.out.printf("  %.1f s, %,.0f entries/s%n", report.millis() / 1000.0, report.entriesPerSecond());
        return 0;
    }
}
