package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.phyle.crypto.InvalidKeyException;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.KeyFile;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code phyle key}: keys on this machine, and taking one to the web app. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Keys on this machine.",
        subcommands = {KeyCommand.Export.class})
final class KeyCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * {@code phyle key export --web}: writes a key as the web app's encrypted backup file, which "Restore from a backup"
     * opens in a browser. The format is the web app's own (docs/webapp.md): PBKDF2-SHA-256 with 600,000 iterations and a
     * 16-byte salt gives an AES-256 key, and AES-GCM (12-byte IV, 16-byte tag appended) encrypts the key's PKCS#8 form.
     */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a key as the web app's encrypted backup, to restore it in a browser "
                    + "(My identity, or Join: \"Restore from a backup\").",
                    "The passphrase is read from --passphrase-file, else from the PHYLE_PASSPHRASE environment "
                    + "variable, else asked for on the terminal (twice)."})
    static final class Export implements Callable<Integer> {
        static final int ITERATIONS = 600_000;
        static final int MIN_PASSPHRASE = 8;
        private static final byte[] PKCS8_ED25519_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--key", description = "A key file, as phyle keygen writes it.")
            Path key;

            @ArgGroup(exclusive = false)
            Person person;
        }

        static final class Person {
            @Option(names = "--people", required = true,
                    description = "A demo's people file (demo-data/keys/people.json).")
            Path people;

            @Option(names = "--name", required = true, description = "The person's name in that file.")
            String name;
        }

        @Option(names = "--web", required = true, description = "Write the web app's backup format (the only one).")
        boolean web;

        @Option(names = "--out", required = true, description = "The backup file to write (not overwritten).")
        Path out;

        @Option(names = "--passphrase-file", description = "A file whose first line is the backup's passphrase.")
        Path passphraseFile;

        @Override
        public Integer call() {
            SigningKey key = source.key != null ? KeyFile.read(source.key)
                    : person(source.person.people, source.person.name);
            char[] passphrase = passphrase();
            try {
                String backup = backup(key, passphrase, new SecureRandom());
                try {
                    Files.writeString(out, backup, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    throw new IllegalArgumentException(out + " already exists; not overwriting it");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
                }
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            System.out.println(key.did());
            System.err.println("Backup of " + key.did() + " written to " + out + ". In the web app, open "
                    + "\"My identity\" (or \"Join\"), choose \"Restore from a backup\", and give this file and its "
                    + "passphrase.");
            return 0;
        }

        static SigningKey person(Path people, String name) {
            JsonNode all;
            try {
                all = StrictJson.parse(Files.readAllBytes(people));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + people + ": " + e.getMessage());
            } catch (StrictJson.MalformedJsonException e) {
                throw new IllegalArgumentException(people + " is not JSON: " + e.getMessage());
            }
            if (!all.isArray()) {
                throw new IllegalArgumentException(people + " is not a list of people");
            }
            for (JsonNode p : all) {
                if (name.equals(p.path("name").asText()) && p.path("seed").isTextual()) {
                    try {
                        return SigningKey.fromBase64Url(p.get("seed").asText());
                    } catch (InvalidKeyException e) {
                        throw new IllegalArgumentException(name + "'s seed in " + people + ": " + e.getMessage());
                    }
                }
            }
            throw new IllegalArgumentException("nobody named \"" + name + "\" in " + people);
        }

        private char[] passphrase() {
            char[] p;
            if (passphraseFile != null) {
                try (BufferedReader r = Files.newBufferedReader(passphraseFile, StandardCharsets.UTF_8)) {
                    String line = r.readLine();
                    p = line == null ? new char[0] : line.toCharArray();
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + passphraseFile + ": " + e.getMessage());
                }
            } else if (System.getenv("PHYLE_PASSPHRASE") != null) {
                p = System.getenv("PHYLE_PASSPHRASE").toCharArray();
            } else {
                Console console = System.console();
                if (console == null) {
                    throw new IllegalArgumentException("no terminal to ask for the passphrase: give "
                            + "--passphrase-file or set PHYLE_PASSPHRASE");
                }
                p = console.readPassword("Passphrase for the backup (at least %d characters): ", MIN_PASSPHRASE);
                char[] again = console.readPassword("The same passphrase again: ");
                if (p == null || again == null || !Arrays.equals(p, again)) {
                    throw new IllegalArgumentException("the two passphrases differ");
                }
                Arrays.fill(again, '\0');
            }
            if (p.length < MIN_PASSPHRASE) {
                throw new IllegalArgumentException("a passphrase has at least " + MIN_PASSPHRASE + " characters");
            }
            return p;
        }

        /** The web app's backup file of a key, encrypted with the passphrase. */
        static String backup(SigningKey key, char[] passphrase, SecureRandom random) {
            byte[] seed = Base64.getUrlDecoder().decode(key.seedBase64Url());
            byte[] pkcs8 = new byte[PKCS8_ED25519_PREFIX.length + seed.length];
            System.arraycopy(PKCS8_ED25519_PREFIX, 0, pkcs8, 0, PKCS8_ED25519_PREFIX.length);
            System.arraycopy(seed, 0, pkcs8, PKCS8_ED25519_PREFIX.length, seed.length);
            byte[] salt = new byte[16];
            byte[] iv = new byte[12];
            random.nextBytes(salt);
            random.nextBytes(iv);
            try {
                // the passphrase as UTF-8 bytes, as the browser's PBKDF2 takes it
                byte[] aesKey = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(new PBEKeySpec(passphrase, salt, ITERATIONS, 256)).getEncoded();
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
                byte[] data = cipher.doFinal(pkcs8);
                Arrays.fill(aesKey, (byte) 0);
                Base64.Encoder b64 = Base64.getEncoder();
                ObjectNode file = StrictJson.mapper().createObjectNode();
                file.put("kind", "phyle-key-backup").put("version", 1).put("did", key.did());
                file.putObject("kdf").put("name", "PBKDF2").put("hash", "SHA-256").put("iterations", ITERATIONS)
                        .put("salt", b64.encodeToString(salt));
                file.putObject("cipher").put("name", "AES-GCM").put("iv", b64.encodeToString(iv));
                file.put("data", b64.encodeToString(data));
                return file.toPrettyString() + "\n";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this Java cannot encrypt the backup: " + e.getMessage(), e);
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
                Arrays.fill(seed, (byte) 0);
            }
        }
    }
}
