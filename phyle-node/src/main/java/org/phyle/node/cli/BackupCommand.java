package org.phyle.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phyle.node.store.LedgerBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backup", description = {"Copy a data directory to one file while its node runs: a consistent copy of the",
        "ledger (SQLite's VACUUM INTO), the node key and the state snapshots, with a manifest of their SHA-256.",
        "The file holds the node's private key: it is created readable by you only; keep it so.",
        "Restore it with `phyle restore`, which verifies it in full first."})
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "The data directory (its node may be running).")
    Path data;

    @Option(names = "--out", required = true, description = "The backup file to create (it must not exist).")
    Path out;

    @Override
    public Integer call() {
        LedgerBackup.Manifest m = LedgerBackup.write(data, out);
        System.out.printf("backed up %s to %s: %,d blocks, %,d entries, %d file(s)%n", data, out, m.height() + 1,
                m.treeSize(), m.files().size());
        System.out.println("  society " + m.society());
        System.out.println("  It holds the node key: keep it private. Check it any time with"
                + " `phyle restore " + out + " --data SOMEWHERE-NEW`.");
        return 0;
    }
}
