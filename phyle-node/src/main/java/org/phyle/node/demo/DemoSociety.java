package org.phyle.node.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.phyle.core.Block;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.citizenship.CitizenshipParams;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.Committed;
import org.phyle.node.KeyFile;
import org.phyle.node.Node;
import org.phyle.node.store.LedgerStore;

/**
 * The demo society: created on first run in its data directory (keys of its founder and members under {@code keys/}),
 * and given a short micro-history through the node, as its members would have written it.
 */
public final class DemoSociety {
    public static final String NAME = "Lisbon Commons";
    public static final String FOUNDER_NAME = "Marta Silva";
    public static final String PURPOSE = "A network of neighbours who fund and run shared spaces together, decide "
            + "by one person one vote, and keep every decision on a ledger anyone can check.";

    private static final String[][] HISTORY = {
        {"founder", "Founding statement", PURPOSE},
        {"founder", "Charter draft 0.1", "Articles on membership, assemblies and the handover of founder powers."},
        {"ana", "Minutes: first online assembly", "42 people attended; the charter draft was discussed."},
        {"ben", "Photo: first meetup at the Mouraria garden", null},
        {"ana", "Budget proposal 2027", "Shared workshop rent, tools library, a small events fund."},
        {"chloe", "Minutes: second assembly", "Budget adopted in principle; working groups formed."},
        {"dan", "Lease offer: Rua das Flores workshop", "Three-year lease, first right of purchase."},
        {"ben", "Tools library inventory", "118 tools catalogued, 12 donated this month."},
        {"chloe", "Code of conduct 1.0", null},
        {"founder", "Charter 1.0 published", "Adopted after two readings; see the canon."},
    };

    private DemoSociety() {
    }

    /** True if the directory already holds a ledger (a second run reuses it). */
    public static boolean exists(Path data) {
        return LedgerStore.exists(data);
    }

    /** Creates the society's genesis and node in an empty data directory. */
    public static void create(Path data) {
        SigningKey founder = KeyFile.readOrCreate(data.resolve("keys/founder.key"));
        SigningKey nodeKey = SigningKey.generate();
        SigningKey registrar = KeyFile.readOrCreate(data.resolve("keys/host-registrar.key"));
        Block genesis = Society.createGenesis(founder, FOUNDER_NAME, nodeKey, NAME, PURPOSE, Parameters.defaults()
                .withKeys(CitizenshipParams.HOST_REGISTRARS.name(), List.of(registrar.verifyingKey())),
                System.currentTimeMillis());
        Node.init(data, genesis, nodeKey);
    }

    /** Gives a freshly created society its history, through the node's front door. Returns the committed records. */
    public static List<Committed> seed(Node node, Path data) {
        Hash society = node.read(Society::id);
        List<CompletableFuture<Committed>> futures = new ArrayList<>();
        for (String[] event : HISTORY) {
            SigningKey key = KeyFile.readOrCreate(data.resolve("keys/" + event[0] + ".key"));
            Hash digest = Hash.sha256((event[1] + "\n" + (event[2] == null ? "" : event[2]))
                    .getBytes(StandardCharsets.UTF_8));
            byte[] envelope = Jcs.canonicalize(TxSigner.sign(society, key,
                    new NotaryRecord(digest, event[1], Optional.ofNullable(event[2])), TxSigner.randomNonce(),
                    System.currentTimeMillis() + 600_000));
            futures.add(node.submit(node.decoder().decode(envelope)));
        }
        List<Committed> committed = new ArrayList<>();
        for (CompletableFuture<Committed> f : futures) {
            committed.add(f.join());
        }
        return committed;
    }
}
