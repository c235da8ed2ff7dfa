package org.phyle.node.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.phyle.core.economy.EconomyTx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lock", description = {"Lock some of your money: released linearly from now until --until,",
        "nothing before --cliff (if given)."})
final class LockCommand implements Callable<Integer> {
    @Parameters(paramLabel = "AMOUNT", description = "Units, with at most six decimals.")
    String amount;

    @Option(names = "--until", required = true, description = "The end: a date (2027-01-31, UTC) or an instant.")
    String until;

    @Option(names = "--cliff", description = "Nothing is released before this date.")
    String cliff;

    @Mixin
    CitizenCommand.Signer signer;

    @Override
    public Integer call() {
        long minor = Amounts.parse(amount);
        long end = Amounts.date(until, "--until");
        Optional<Long> c = cliff == null ? Optional.empty() : Optional.of(Amounts.date(cliff, "--cliff"));
        new Submitter(signer.node).submit(signer.key, new EconomyTx.Lock(minor, c, end));
        return 0;
    }
}
