package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.Selection;
import org.phyle.core.sortition.SortitionTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.vrf.EcVrf;
import org.phyle.node.ParallelDecoder;
import org.phyle.node.audit.AuditFailure;
import org.phyle.node.audit.Auditor;
import org.phyle.node.audit.HttpLedgerSource;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sortition", description = "Draws by lot: list, show and verify them; request one, commit and reveal "
        + "a steward's secret.",
        subcommands = {SortitionCommand.ListDraws.class, SortitionCommand.Show.class, SortitionCommand.Verify.class,
                SortitionCommand.Request.class, SortitionCommand.Commit.class, SortitionCommand.Reveal.class})
final class SortitionCommand {
    private static final HexFormat HEX = HexFormat.of();

    private SortitionCommand() {
    }

    /** A draw's id, from its number or id. */
    static Hash drawId(NodeClient client, String ref) {
        return Hash.fromHex(client.getJson("/draws/" + ref).get("id").asText());
    }

    @Command(name = "list", description = "List draws, newest first (--selected REF: those that chose a person).")
    static final class ListDraws implements Callable<Integer> {
        @Option(names = "--purpose", description = "jury, panel or request.")
        String purpose;

        @Option(names = "--selected", description = "A person's number, id or did:key: was I selected?")
        String selected;

        @Mixin
        JsonOutput json;

        @Mixin
        CitizenCommand.Reader reader;

        @Override
        public Integer call() {
            StringBuilder query = new StringBuilder("/draws?limit=200");
            if (purpose != null) {
                query.append("&purpose=").append(purpose);
            }
            if (selected != null) {
                query.append("&selected=").append(selected);
            }
            JsonNode page = new NodeClient(reader.node).getJson(query.toString());
            if (json.json) {
                json.print(page);
                return 0;
            }
            for (JsonNode d : page.get("draws")) {
                System.out.printf("#%-4d %-7s %3d of %-5d from %-14s %-14s %s%n", d.get("number").asInt(),
                        d.get("purpose").asText(), d.get("size").asInt(), d.get("poolSize").asInt(),
                        d.get("pool").asText(), d.get("phase").asText(), d.get("id").asText());
            }
            if (selected != null && page.get("draws").isEmpty()) {
                System.out.println("No draw has chosen " + selected + ".");
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show a draw: its inputs, the stewards' part, the node's proof, the chosen.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "DRAW", description = "The draw's number or id.")
        String draw;

        @Mixin
        CitizenCommand.Reader reader;

        @Mixin
        JsonOutput json;

        @Override
        public Integer call() {
            JsonNode d = new NodeClient(reader.node).getJson("/draws/" + draw);
            if (json.json) {
                json.print(d);
                return 0;
            }
            System.out.println("Draw #" + d.get("number").asInt() + " (" + d.get("purpose").asText() + " for "
                    + d.get("subject").asText() + "): " + d.get("size").asInt() + " of " + d.get("poolSize").asInt()
                    + " " + d.get("pool").asText() + ", " + d.get("phase").asText());
            System.out.println("  id          " + d.get("id").asText());
            System.out.println("  fixed in    block " + d.get("requestedHeight").asLong() + ", "
                    + Instant.ofEpochMilli(d.get("requestedAt").asLong()));
            System.out.println("  pool root   " + d.get("poolRoot").asText());
            System.out.println("  VRF input   " + d.get("alpha").asText());
            if (!d.get("quotas").isNull()) {
                List<String> seats = new ArrayList<>();
                d.get("quotas").properties().forEach(q -> seats.add(q.getKey() + " " + q.getValue().asText()));
                System.out.println("  seats       " + String.join(", ", seats));
            }
            for (JsonNode c : d.get("commitments")) {
                System.out.println("  steward " + c.at("/steward/name").asText() + " committed "
                        + c.get("commitment").asText() + (c.get("secret").isNull() ? ", did not reveal"
                        : ", revealed " + c.get("secret").asText()));
            }
            System.out.println("  proof       " + d.get("proof").asText("(not yet)"));
            System.out.println("  randomness  " + d.get("randomness").asText("(not yet)"));
            for (JsonNode m : d.get("members")) {
                System.out.printf("  chosen #%-6d %-24s %-12s score %s%n", m.get("number").asInt(), m.get("name").asText(),
                        m.get("region").asText(), m.get("score").asText().substring(0, 16));
            }
            return 0;
        }
    }

    @Command(name = "verify", description = {"Recompute a draw from the ledger alone: the whole ledger is fetched,",
            "verified and replayed; the pool is taken from the replay at the block that fixed it; then the pool root,",
            "the VRF input, the node's VRF proof, each steward's secret against their commitment, the randomness and",
            "the members chosen are recomputed and compared with the ledger and with the node's answer.",
            "Exits 1 on any difference."})
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "DRAW", description = "The draw's number or id.")
        String draw;

        @Mixin
        CitizenCommand.Reader reader;

        @Override
        public Integer call() {
            NodeClient client = new NodeClient(reader.node);
            JsonNode claimed = client.getJson("/draws/" + draw);
            Hash id = Hash.fromHex(claimed.get("id").asText());
            AtomicReference<List<Selection.Member>> pool = new AtomicReference<>();
            Auditor.Report report;
            try (ParallelDecoder parallel = new ParallelDecoder();
                 ProgressBar bar = new ProgressBar("replaying", "entries")) {
                report = new Auditor(parallel).verify(new HttpLedgerSource(client), null, null, bar::update, s -> {
                    Optional<Draw> d = s.sortition().byId(id);
                    if (pool.get() == null && d.isPresent() && d.get().requestedHeight() == s.height()) {
                        pool.set(new ArrayList<>(d.get().pool()));
                    }
                });
            } catch (AuditFailure e) {
                System.out.println("FAILED: the ledger does not verify: " + e.getMessage());
                return 1;
            }
            Draw d = report.state().sortition().byId(id).orElse(null);
            if (d == null || pool.get() == null) {
                System.out.println("FAILED: the ledger holds no draw " + id.hex());
                return 1;
            }
            System.out.println("Draw #" + d.number() + ": " + d.size() + " of " + d.poolSize() + " "
                    + d.poolKind().json() + ", fixed in block " + d.requestedHeight());
            Checks checks = new Checks();
            List<Selection.Member> members = pool.get();
            Hash root = Selection.poolRoot(members);
            checks.check("pool root " + root.hex() + " of " + members.size() + " members, from the replay",
                    root.equals(d.poolRoot()) && root.hex().equals(claimed.get("poolRoot").asText()));
            byte[] alpha = Selection.alpha(id, root);
            checks.check("VRF input = \"phyle-draw:v1:\" || draw id || pool root",
                    HEX.formatHex(alpha).equals(claimed.get("alpha").asText()));
            if (!d.drawn()) {
                System.out.println("The draw is not made yet (" + d.phase(report.state().time()) + "): its inputs agree"
                        + " so far.");
                return checks.failed ? 1 : 0;
            }
            Optional<byte[]> beta = EcVrf.verify(report.state().sequencer().bytes(), d.proof(), alpha);
            checks.check("the node's VRF proof verifies with its key " + report.state().sequencer().did(),
                    beta.isPresent() && Arrays.equals(beta.get(), d.beta())
                            && HEX.formatHex(d.proof()).equals(claimed.get("proof").asText()));
            List<byte[]> secrets = new ArrayList<>();
            for (Map.Entry<Integer, Hash> c : d.commitments().entrySet()) {
                byte[] secret = d.secrets().get(c.getKey());
                if (secret == null) {
                    System.out.println("  - steward #" + c.getKey() + " committed and did not reveal: not counted");
                    continue;
                }
                checks.check("steward #" + c.getKey() + "'s secret matches their commitment",
                        Selection.commitment(id, secret).equals(c.getValue()));
                secrets.add(secret);
            }
            if (beta.isEmpty()) {
                return 1;
            }
            Hash randomness = Selection.randomness(beta.get(), secrets);
            checks.check("randomness " + randomness.hex() + " = SHA-256(prefix || beta || " + secrets.size()
                    + " secrets)", randomness.equals(d.randomness())
                    && randomness.hex().equals(claimed.get("randomness").asText()));
            List<Selection.Member> chosen;
            if (d.quotas() == null) {
                chosen = Selection.select(randomness, members, d.size());
            } else {
                Map<String, Integer> quotas = Selection.quotas(members, d.size());
                checks.check("regional quotas " + quotas + " in proportion to the pool", quotas.equals(d.quotas()));
                chosen = Selection.selectStratified(randomness, members, quotas);
            }
            int[] numbers = chosen.stream().mapToInt(Selection.Member::number).toArray();
            int[] claimedNumbers = new int[claimed.get("members").size()];
            for (int i = 0; i < claimedNumbers.length; i++) {
                claimedNumbers[i] = claimed.get("members").get(i).get("number").asInt();
            }
            checks.check("the " + numbers.length + " members with the smallest SHA-256(randomness || id) are the ones "
                    + "chosen", Arrays.equals(numbers, d.selected()) && Arrays.equals(numbers, claimedNumbers));
            System.out.println(checks.failed ? "DIFFERS" : "AGREES: draw #" + d.number() + " recomputed from the ledger");
            return checks.failed ? 1 : 0;
        }
    }

    /** Prints each check as it is made and remembers whether any failed. */
    private static final class Checks {
        boolean failed;

        void check(String what, boolean ok) {
            System.out.println("  " + (ok ? "ok  " : "FAIL") + " " + what);
            failed |= !ok;
        }
    }

    @Command(name = "request", description = "As a steward, request a draw by lot.")
    static final class Request implements Callable<Integer> {
        @Option(names = "--pool", required = true, description = "citizens or host-residents.")
        String pool;

        @Option(names = "--size", required = true)
        int size;

        @Option(names = "--stratify", description = "Seats per region in proportion to the pool.")
        boolean stratify;

        @Option(names = "--purpose", required = true, description = "What the draw is for, in words.")
        String purpose;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            JsonNode r = new Submitter(signer.node).submit(signer.key,
                    new SortitionTx.Request(Draw.Pool.fromJson(pool), size, stratify, purpose));
            // a requested draw is named by the request's transaction id
            System.out.println("Draw " + r.path("txId").asText() + " is requested; the stewards may now commit.");
            return 0;
        }
    }

    @Command(name = "commit", description = {"As a steward, commit to a secret for a draw: 32 random bytes are made",
            "and kept in --secret (reveal them with `sortition reveal` once commitments close)."})
    static final class Commit implements Callable<Integer> {
        @Parameters(paramLabel = "DRAW", description = "The draw's number or id.")
        String draw;

        @Option(names = "--secret", required = true, description = "File to keep the secret in (must not exist).")
        Path secretFile;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            Hash id = drawId(s.client(), draw);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            try {
                org.phyle.node.KeyFile.writePrivate(secretFile,
                        Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n");
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new IllegalArgumentException(secretFile + " already exists; not overwriting a secret");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the secret in " + secretFile, e);
            }
            s.submit(signer.key, new SortitionTx.Commit(id, Selection.commitment(id, secret)));
            return 0;
        }
    }

    @Command(name = "reveal", description = "As a steward, reveal the secret committed to (from --secret).")
    static final class Reveal implements Callable<Integer> {
        @Parameters(paramLabel = "DRAW", description = "The draw's number or id.")
        String draw;

        @Option(names = "--secret", required = true, description = "The file `sortition commit` kept it in.")
        Path secretFile;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() throws IOException {
            Submitter s = new Submitter(signer.node);
            byte[] secret = Base64.getUrlDecoder().decode(Files.readString(secretFile).strip());
            s.submit(signer.key, new SortitionTx.Reveal(drawId(s.client(), draw), secret));
            return 0;
        }
    }
}
