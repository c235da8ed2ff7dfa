package org.phyle.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phyle.crypto.SigningKey;
import org.phyle.node.KeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keygen", description = "Create an Ed25519 key, write it to a key file and print its did:key.")
final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "phyle.key", description = "Key file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        SigningKey key = SigningKey.generate();
        KeyFile.write(out, key);
        System.out.println(key.did());
        System.err.println("Key written to " + out + ". It is readable by you only: keep it private and back it up.");
        return 0;
    }
}
