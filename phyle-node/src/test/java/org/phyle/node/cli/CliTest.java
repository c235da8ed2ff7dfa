package org.phyle.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.crypto.Hash;
import org.phyle.node.Node;
import org.phyle.node.NodeConfig;
import org.phyle.node.TestNodes;

/** The command line, run as a user runs it, against a real node. */
class CliTest {
    static TestNodes.Running running;
    static Path work;

    @BeforeAll
    static void start() {
        running = TestNodes.demo();
        work = TestNodes.tempDir();
    }

    @AfterAll
    static void stop() {
        running.close();
        TestNodes.delete(work);
    }

    record Run(int exit, String out, String err) {
    }

    static synchronized Run phyle(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void keygenSignSubmitAndReceipt() throws Exception {
        Path key = work.resolve("alice.key");
        Run keygen = phyle("keygen", "--out", key.toString());
        assertThat(keygen.exit()).isZero();
        assertThat(keygen.out().trim()).startsWith("did:key:z6Mk");
        assertThat(Files.getPosixFilePermissions(key).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(phyle("keygen", "--out", key.toString()).err()).contains("already exists");

        Path tx = work.resolve("tx.json");
        String digest = Hash.sha256("minutes".getBytes()).hex();
        Run sign = phyle("sign", "--key", key.toString(), "--type", "notary.record", "--node", running.url(),
                "--body", "{\"digest\":\"" + digest + "\",\"label\":\"Minutes of the CLI assembly\"}",
                "--out", tx.toString());
        assertThat(sign.exit()).as(sign.err()).isZero();

        Run submit = phyle("submit", tx.toString(), "--node", running.url());
        assertThat(submit.exit()).as(submit.err()).isZero();
        assertThat(submit.out()).startsWith("committed ");
        String txId = submit.out().split(" ")[1];

        Run again = phyle("submit", tx.toString(), "--node", running.url());
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.out()).contains("TX_REPLAYED");

        Path saved = work.resolve("receipt.json");
        Run receipt = phyle("receipt", txId, "--node", running.url(), "--out", saved.toString());
        assertThat(receipt.exit()).as(receipt.err()).isZero();
        assertThat(receipt.out()).startsWith("verified: transaction " + txId);
        assertThat(Files.readString(saved)).contains(txId);

        Run show = phyle("notary", "show", "--digest", digest, "--node", running.url());
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("Minutes of the CLI assembly");
    }

    @Test
    void signRefusesWhatTheNodeWouldRefuse() {
        Path key = work.resolve("bob.key");
        phyle("keygen", "--out", key.toString());
        Run bad = phyle("sign", "--key", key.toString(), "--type", "notary.record", "--society",
                running.node.read(SocietyView::id).hex(), "--body", "{\"digest\":\"nope\",\"label\":\"x\"}");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("body.digest must be 64 lowercase hex digits");
        Run notJson = phyle("sign", "--key", key.toString(), "--type", "notary.record", "--society",
                running.node.read(SocietyView::id).hex(), "--body", "{oops");
        assertThat(notJson.exit()).isEqualTo(1);
        assertThat(notJson.err()).contains("--body is not JSON");
    }

    @Test
    void notaryRecordHashesAFile() throws Exception {
        Path key = work.resolve("carol.key");
        phyle("keygen", "--out", key.toString());
        Path doc = work.resolve("photo.jpg");
        Files.write(doc, new byte[] {1, 2, 3, 4});
        Run record = phyle("notary", "record", doc.toString(), "--label", "Photo of the garden", "--key", key.toString(),
                "--node", running.url());
        assertThat(record.exit()).as(record.err()).isZero();
        assertThat(record.out()).contains(Hash.sha256(new byte[] {1, 2, 3, 4}).hex());
        Run show = phyle("notary", "show", doc.toString(), "--node", running.url());
        assertThat(show.out()).contains("Photo of the garden");
    }

    @Test
    void verifyANodeAndSaveItsCheckpointThenVerifySinceIt() {
        Path checkpoint = work.resolve("checkpoint.txt");
        Run first = phyle("verify", "--node", running.url(), "--save", checkpoint.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).startsWith("OK: Lisbon Commons");
        Run second = phyle("verify", "--node", running.url(), "--since", checkpoint.toString());
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("and so is the one from");
        assertThat(phyle("verify").exit()).isEqualTo(2); // --node or --data is required
    }

    @Test
    void initCreatesASocietyThatServesAndVerifies() {
        Path data = work.resolve("new-society");
        Path founder = work.resolve("founder.key");
        Run init = phyle("init", "--data", data.toString(), "--name", "Harbour Guild", "--purpose",
                "Boat builders who share a yard.", "--founder-key", founder.toString(),
                "--param", "tx.maxLifetimeSeconds=600");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out().trim()).matches("[0-9a-f]{64}");
        assertThat(Files.exists(founder)).isTrue();
        try (Node node = Node.open(NodeConfig.defaults(data))) {
            assertThat(node.read(SocietyView::name)).isEqualTo("Harbour Guild");
            Object lifetime = node.read(s -> s.parameters().asMap().get("tx.maxLifetimeSeconds"));
            assertThat(lifetime).isEqualTo(600L);
        }
        Run verify = phyle("verify", "--data", data.toString());
        assertThat(verify.exit()).as(verify.out()).isZero();

        Run again = phyle("init", "--data", data.toString(), "--name", "X", "--purpose", "Y", "--founder-key",
                founder.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a ledger");
        Run badParam = phyle("init", "--data", work.resolve("other").toString(), "--name", "X", "--purpose", "Y",
                "--founder-key", founder.toString(), "--param", "tx.colour=3");
        assertThat(badParam.exit()).isEqualTo(1);
        assertThat(badParam.err()).contains("unknown parameter 'tx.colour'");
    }

    @Test
    void citizenshipFromTheCommandLine() throws Exception {
        java.util.Map<String, org.phyle.crypto.SigningKey> demo = org.phyle.node.demo.DemoSociety.keys(running.dir);
        Path me = work.resolve("newcomer.key");
        phyle("keygen", "--out", me.toString());
        Run apply = phyle("citizen", "apply", "--key", me.toString(), "--name", "Cli Newcomer", "--node", running.url());
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("You consent to the charter in force").contains("applicant");
        String did = Files.readString(me).replaceAll("(?s).*\"did\" : \"([^\"]+)\".*", "$1");

        int vouched = 0;
        for (var e : demo.entrySet()) {
            if (vouched == 3) {
                break;
            }
            Path k = work.resolve("demo-" + vouched + ".key");
            Files.deleteIfExists(k);
            org.phyle.node.KeyFile.write(k, e.getValue());
            Run v = phyle("citizen", "vouch", did, "--key", k.toString(), "--node", running.url());
            if (v.exit() == 0) {
                vouched++;
            } else {
                Files.delete(k); // that demo person cannot vouch now (no vouches left, not a citizen, ...)
            }
        }
        assertThat(vouched).isEqualTo(3);
        Run show = phyle("citizen", "show", did, "--history", "--node", running.url());
        assertThat(show.out()).contains("Cli Newcomer  citizen").contains("citizenship.vouch");

        Path newKey = work.resolve("newcomer-2.key");
        assertThat(phyle("citizen", "rotate-key", "--key", me.toString(), "--new-key", newKey.toString(), "--node",
                running.url()).exit()).isZero();
        Run old = phyle("citizen", "renew", "--key", me.toString(), "--node", running.url());
        assertThat(old.exit()).isEqualTo(3);
        assertThat(old.err()).contains("KEY_RETIRED");
        assertThat(phyle("citizen", "renew", "--key", newKey.toString(), "--node", running.url()).exit()).isZero();

        Run list = phyle("citizen", "list", "--q", "cli newcomer", "--node", running.url());
        assertThat(list.out()).contains("Cli Newcomer");
        Run challenges = phyle("citizen", "challenges", "--node", running.url());
        assertThat(challenges.out()).contains("revoked").contains("dismissed");
        assertThat(phyle("citizen", "renounce", "--key", newKey.toString(), "--node", running.url()).exit())
                .isEqualTo(2); // --yes is required
        assertThat(phyle("citizen", "renounce", "--yes", "--key", newKey.toString(), "--node", running.url()).exit())
                .isZero();
        assertThat(phyle("citizen", "show", did, "--node", running.url()).out()).contains("renounced");
    }

    @Test
    void aReceiptForAnUnknownTransactionFailsClearly() {
        Run r = phyle("receipt", "0".repeat(64), "--node", running.url());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("NOT_FOUND");
    }

    /** A demo citizen's key written to a file, the n-th in good standing (founder excluded). */
    static Path citizenKey(int n) throws Exception {
        int found = 0;
        for (var e : org.phyle.node.demo.DemoSociety.keys(running.dir).entrySet()) {
            var person = running.node.read(s -> s.registry().byCurrentKey(e.getValue().verifyingKey()));
            if (person.isPresent() && person.get().number() > 0
                    && running.node.read(s -> person.get().activeCitizen(s.time())) && found++ == n) {
                Path k = work.resolve("citizen-" + n + ".key");
                Files.deleteIfExists(k);
                org.phyle.node.KeyFile.write(k, e.getValue());
                return k;
            }
        }
        throw new IllegalStateException("not that many citizens");
    }

    @Test
    void governanceFromTheCommandLine() throws Exception {
        String node = running.url();
        Path author = citizenKey(230);
        Run create = phyle("proposal", "create", "--title", "Repaint the door", "--method", "approval", "--option",
                "Blue", "--option", "Green", "--option", "Red", "--max-approvals", "2", "--topic", "workshop",
                "--key", author.toString(), "--node", node);
        assertThat(create.exit()).as(create.err()).isZero();
        assertThat(create.out()).contains("is a draft; it needs 2 co-sponsors");
        String id = create.out().replaceAll("(?s).*Proposal #\\d+ \\(([0-9a-f]{64})\\).*", "$1");
        assertThat(phyle("proposal", "sponsor", id, "--key", citizenKey(231).toString(), "--node", node).exit())
                .isZero();
        Run twice = phyle("proposal", "sponsor", id, "--key", citizenKey(231).toString(), "--node", node);
        assertThat(twice.exit()).isEqualTo(3);
        assertThat(twice.err()).contains("ALREADY_SPONSORED");
        Run early = phyle("proposal", "vote", id, "--approve", "0", "--key", author.toString(), "--node", node);
        assertThat(early.err()).contains("VOTING_NOT_OPEN");

        Run list = phyle("proposal", "list", "--state", "open", "--node", node);
        assertThat(list.out()).contains("Repaint the door").contains("draft");
        Run show = phyle("proposal", "show", id, "--node", node);
        assertThat(show.out()).contains("Repaint the door  [draft]").contains("approval");

        Path delegator = citizenKey(232);
        String delegate = running.node.read(s -> s.registry().byCurrentKey(org.phyle.node.KeyFile.read(author)
                .verifyingKey()).orElseThrow().id().hex());
        assertThat(phyle("proposal", "delegate", delegate, "--topic", "workshop", "--key", delegator.toString(),
                "--node", node).exit()).isZero();
        assertThat(phyle("proposal", "undelegate", "--topic", "workshop", "--key", delegator.toString(), "--node",
                node).exit()).isZero();
        assertThat(phyle("proposal", "cancel", id, "--key", author.toString(), "--node", node).exit()).isZero();
        assertThat(phyle("proposal", "show", id, "--node", node).out()).contains("[cancelled]");
        assertThat(phyle("proposal", "show", "nonsense", "--node", node).err()).contains("64 hex digits");

        // the auditor's recount of every decided demo proposal agrees with the node's tally
        for (var finished : running.seeded.finishedProposals()) {
            Run tally = phyle("tally", finished.hex(), "--node", node);
            assertThat(tally.exit()).as(tally.out() + tally.err()).isZero();
            assertThat(tally.out()).contains("AGREES");
        }
        Run open = phyle("tally", running.seeded.openProposals().get(0).hex(), "--node", node);
        assertThat(open.exit()).as("a vote still open has no final tally: pending").isEqualTo(Outcome.PENDING);
        assertThat(open.out()).startsWith("NOT YET: proposal #").contains("until its vote closes");
    }

    @Test
    void theCharterAndTheCanonFromTheCommandLine() throws Exception {
        String node = running.url();
        Run charter = phyle("charter", "--node", node);
        assertThat(charter.exit()).as(charter.err()).isZero();
        assertThat(charter.out()).contains("Stage: Community (2 of 5)").contains("Article membership (entrenched)")
                .contains("the founder can no longer put changes to the citizens' vote without co-sponsors")
                .contains("Stewards: #1 ");

        Path author = citizenKey(240);
        Run publish = phyle("canon", "publish", "--essay", "--title", "From the terminal", "--text",
                "Short, but mine.", "--key", author.toString(), "--node", node);
        assertThat(publish.exit()).as(publish.err()).isZero();
        String id = publish.out().replaceAll("(?s).*canon.publish committed: ([0-9a-f]{64}).*", "$1");
        assertThat(phyle("canon", "endorse", id, "--key", citizenKey(241).toString(), "--node", node).exit()).isZero();
        Run own = phyle("canon", "endorse", id, "--key", author.toString(), "--node", node);
        assertThat(own.exit()).isEqualTo(3);
        assertThat(own.err()).contains("OWN_TEXT");
        assertThat(phyle("canon", "list", "--node", node).out()).contains("From the terminal")
                .contains("Recognised: ").contains("article:care");
        assertThat(phyle("canon", "show", id, "--node", node).out()).contains("Short, but mine.")
                .contains("1 endorsements");
        Path founder = work.resolve("founder.key");
        Files.deleteIfExists(founder);
        org.phyle.node.KeyFile.write(founder, org.phyle.node.demo.DemoSociety.keys(running.dir)
                .get(org.phyle.node.demo.DemoSociety.FOUNDER_NAME));
        Run amend = phyle("charter", "amend", "--set", "governance.quorumBp=3000", "--key", founder.toString(),
                "--node", node);
        assertThat(amend.exit()).isEqualTo(3);
        assertThat(amend.err()).contains("FOUNDER_POWER_ENDED");
        assertThat(phyle("charter", "retire", "--key", founder.toString(), "--node", node).exit())
                .as("--yes is required").isEqualTo(2);
    }

    // ---- a command line that keeps its word ------------------------------------------------------------------

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
        collect(new picocli.CommandLine(new Main()), new java.util.ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(60);
        for (java.util.List<String> path : paths) {
            java.util.List<String> args = new java.util.ArrayList<>(path);
            args.add("--help");
            Run help = phyle(args.toArray(String[]::new));
            String usage = "Usage: phyle" + (path.isEmpty() ? "" : " " + String.join(" ", path));
            assertThat(help.exit()).as(String.join(" ", args) + ": " + help.err()).isZero();
            assertThat(help.out()).as(String.join(" ", args)).startsWith(usage);
            if (!path.isEmpty()) {
                java.util.List<String> viaHelp = new java.util.ArrayList<>(java.util.List.of("help"));
                viaHelp.addAll(path);
                assertThat(phyle(viaHelp.toArray(String[]::new)).out()).as("phyle help " + String.join(" ", path))
                        .startsWith(usage);
            }
        }
        Run unknown = phyle("help", "proposal", "elect");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("'phyle proposal elect' is not a command");
    }

    private static void collect(picocli.CommandLine cl, java.util.List<String> path,
                                java.util.List<java.util.List<String>> out) {
        out.add(java.util.List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                java.util.List<String> next = new java.util.ArrayList<>(path);
                next.add(name);
                collect(sub, next, out);
            }
        });
    }

    @Test
    void proposalsAndTextsAreNamedByTheirNumberAsListsShowThem() throws Exception {
        String node = running.url();
        Path author = citizenKey(250);
        Run create = phyle("proposal", "create", "--title", "Two thirds, as documented", "--threshold", "two-thirds",
                "--key", author.toString(), "--node", node);
        assertThat(create.exit()).as(create.out() + create.err()).isZero();
        String number = create.out().replaceAll("(?s).*Proposal #(\\d+) .*", "$1");
        Run byNumber = phyle("proposal", "show", number, "--node", node);
        assertThat(byNumber.exit()).as(byNumber.err()).isZero();
        assertThat(byNumber.out()).startsWith("#" + number + "  Two thirds, as documented").contains("threshold two-thirds");
        assertThat(phyle("proposal", "show", "#" + number, "--node", node).out()).isEqualTo(byNumber.out());
        assertThat(phyle("proposal", "sponsor", number, "--key", citizenKey(251).toString(), "--node", node).exit())
                .isZero();
        Run none = phyle("proposal", "show", "99999", "--node", node);
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("there is no proposal #99999");
        assertThat(phyle("proposal", "show", "nonsense", "--node", node).err())
                .contains("a proposal is named by its number");

        Run publish = phyle("canon", "publish", "--essay", "--title", "Numbered", "--text", "Texts have numbers too.",
                "--key", author.toString(), "--node", node);
        assertThat(publish.exit()).as(publish.err()).isZero();
        String text = running.node.read(s -> Integer.toString(s.canon().texts().size() - 1));
        Run endorse = phyle("canon", "endorse", text, "--key", citizenKey(252).toString(), "--node", node);
        assertThat(endorse.exit()).as(endorse.err()).isZero();
        assertThat(phyle("canon", "show", "#" + text, "--node", node).out()).contains("Texts have numbers too.")
                .contains("1 endorsements");
        assertThat(phyle("canon", "endorse", "x3", "--key", author.toString(), "--node", node).err())
                .contains("a text is named by its number");
    }

    @Test
    void entrenchTakesTrueOrFalseAsDocumented() throws Exception {
        String node = running.url();
        Run create = phyle("proposal", "create", "--title", "Entrench care", "--amend", "article:care",
                "--amendment", "We look after one another and after the places we share.", "--entrench", "true",
                "--threshold", "6667bp", "--key", citizenKey(253).toString(), "--node", node);
        assertThat(create.exit()).as(create.out() + create.err()).isZero();
        assertThat(create.out()).contains("Proposal #");
        // two-thirds, as the help lists it, meets the entrenched threshold (6666bp by default)
        Run twoThirds = phyle("proposal", "create", "--title", "Entrench care, two thirds", "--amend", "article:care",
                "--amendment", "We look after one another.", "--entrench", "true", "--threshold", "two-thirds",
                "--key", citizenKey(253).toString(), "--node", node);
        assertThat(twoThirds.exit()).as(twoThirds.out() + twoThirds.err()).isZero();
        // a threshold below it is refused, with a sentence saying so
        Run less = phyle("proposal", "create", "--title", "Entrench care, three fifths", "--amend", "article:care",
                "--amendment", "We look after one another.", "--entrench", "true", "--threshold", "three-fifths",
                "--key", citizenKey(253).toString(), "--node", node);
        assertThat(less.exit()).isEqualTo(Outcome.REFUSED);
        assertThat(less.err()).contains("needs at least a 6666bp threshold");
        Run bad = phyle("proposal", "create", "--title", "x", "--amend", "article:care", "--amendment", "y",
                "--entrench", "perhaps", "--key", citizenKey(253).toString(), "--node", node);
        assertThat(bad.exit()).isEqualTo(Outcome.USAGE);
    }

    @Test
    void humanOutputIsWordsAndJsonIsForMachines() throws Exception {
        String node = running.url();
        Run list = phyle("citizen", "list", "--node", node);
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("In the registry: ").doesNotContain("{");
        Run listJson = phyle("citizen", "list", "--json", "--node", node);
        assertThat(org.phyle.crypto.StrictJson.parse(listJson.out().getBytes()).get("people").size()).isPositive();

        for (Hash finished : running.seeded.finishedProposals()) {
            Run show = phyle("proposal", "show", finished.hex(), "--node", node);
            assertThat(show.exit()).isZero();
            assertThat(show.out()).as(show.out()).doesNotContain("{").doesNotContain("\"").contains("rules: ")
                    .containsPattern("PASSED|NOT PASSED");
            Run json = phyle("proposal", "show", finished.hex(), "--json", "--node", node);
            assertThat(org.phyle.crypto.StrictJson.parse(json.out().getBytes()).get("id").asText())
                    .isEqualTo(finished.hex());
            Run tally = phyle("tally", finished.hex(), "--node", node);
            assertThat(tally.out()).doesNotContain("{");
        }
        assertThat(org.phyle.crypto.StrictJson.parse(phyle("charter", "--json", "--node", node).out().getBytes())
                .has("document")).isTrue();
        var draws = org.phyle.crypto.StrictJson.parse(
                phyle("sortition", "list", "--json", "--node", node).out().getBytes());
        assertThat(phyle("sortition", "list", "--node", node).out()).doesNotContain("{");
        for (var d : draws.get("draws")) {
            Run show = phyle("sortition", "show", d.get("number").asText(), "--node", node);
            assertThat(show.exit()).isZero();
            assertThat(show.out()).as(show.out()).doesNotContain("{").startsWith("Draw #" + d.get("number").asText());
        }
        for (Hash open : running.seeded.openProposals()) {
            Run show = phyle("proposal", "show", open.hex(), "--node", node);
            assertThat(show.out()).as(show.out()).doesNotContain("{");
            // weighted units (an outside panel's) are shown as shares, never as raw scaled numbers
            assertThat(show.out().replaceAll("  id [0-9a-f]{64}", "")).doesNotContainPattern("\\d{7,}");
        }
    }

    @Test
    void aChallengeNamesItsJuryOrSaysItIsBeingDrawn() throws Exception {
        String node = running.url();
        Path applicant = work.resolve("doubtful.key");
        phyle("keygen", "--out", applicant.toString());
        assertThat(phyle("citizen", "apply", "--key", applicant.toString(), "--name", "Doubtful Applicant", "--node",
                node).exit()).isZero();
        String did = org.phyle.node.KeyFile.read(applicant).did();
        Run challenge = phyle("citizen", "challenge", did, "--grounds", "fake", "--reason", "Nobody has met them.",
                "--key", citizenKey(254).toString(), "--node", node);
        assertThat(challenge.exit()).as(challenge.out() + challenge.err()).isZero();
        assertThat(challenge.out()).doesNotContain("a jury of 0").containsPattern("drawn by lot|a jury of [1-9]");
    }

    @Test
    void citizenShowShowsARecoveryInProgress() throws Exception {
        String node = running.url();
        Path person = citizenKey(255);
        var guardianKey = org.phyle.node.KeyFile.read(citizenKey(256)).verifyingKey();
        String guardian = running.node.read(s -> s.registry().byCurrentKey(guardianKey).orElseThrow().id().hex());
        Run set = phyle("citizen", "guardians", guardian, "--threshold", "1", "--key", person.toString(), "--node", node);
        assertThat(set.exit()).as(set.err()).isZero();
        Path fresh = work.resolve("recovered.key");
        Files.deleteIfExists(fresh);
        phyle("keygen", "--out", fresh.toString());
        String did = org.phyle.node.KeyFile.read(person).did();
        Run recover = phyle("citizen", "recover", did, "--new-key", fresh.toString(), "--key",
                citizenKey(256).toString(), "--node", node);
        assertThat(recover.exit()).as(recover.out() + recover.err()).isZero();
        Run show = phyle("citizen", "show", did, "--node", node);
        assertThat(show.out()).contains("RECOVERY IN PROGRESS").contains(org.phyle.node.KeyFile.read(fresh).did())
                .contains("1 of 1 needed").contains("cancel-recovery");
    }

    @Test
    void aStewardsSecretIsCreatedOwnerReadableOnly() throws Exception {
        Path secret = work.resolve("steward.secret");
        org.phyle.node.KeyFile.writePrivate(secret, "s3cret\n");
        assertThat(Files.getPosixFilePermissions(secret).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.phyle.node.KeyFile.writePrivate(secret, "x"))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(secret)).isEqualTo("s3cret\n");
        // the CLI's own path: a commit for a draw that does not exist still must not leave a readable secret
        Path viaCli = work.resolve("commit.secret");
        phyle("sortition", "commit", "0", "--secret", viaCli.toString(), "--key", citizenKey(257).toString(),
                "--node", running.url());
        if (Files.exists(viaCli)) {
            assertThat(Files.getPosixFilePermissions(viaCli).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        }
    }

    @Test
    void theReadmesBenchExampleDoesNotWriteIntoTheDemo() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String example = readme.lines().filter(l -> l.contains("phyle bench ingest")).findFirst().orElseThrow();
        assertThat(example).doesNotContain("--node");
        long before = running.node.head().treeSize();
        Run bench = phyle("bench", "ingest", "--keys", "2", "--txs", "200", "--batch", "100", "--clients", "1");
        assertThat(bench.exit()).as(bench.out() + bench.err()).isZero();
        assertThat(bench.out()).contains("Started a node in ").contains("200 committed");
        assertThat(running.node.head().treeSize()).as("the demo's ledger did not grow").isEqualTo(before);
    }
}
