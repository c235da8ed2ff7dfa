package org.phyle.node.cli;

import java.util.concurrent.Callable;
import org.phyle.core.economy.EconomyTx;
import org.phyle.crypto.VerifyingKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pay", description = {"Send money to an account (a did:key) or to the treasury.",
        "AMOUNT is in units with at most six decimals (12.5 is 12500000 minor units)."})
final class PayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TO", description = "A did:key, or treasury.")
    String to;

    @Parameters(index = "1", paramLabel = "AMOUNT")
    String amount;

    @Option(names = "--memo", defaultValue = "", description = "A note the ledger keeps with the payment.")
    String memo;

    @Option(names = "--revenue", description = "A payment into the treasury that is revenue (counts for the dividend).")
    boolean revenue;

    @Mixin
    CitizenCommand.Signer signer;

    @Override
    public Integer call() {
        long minor = Amounts.parse(amount);
        EconomyTx.Transfer t;
        if (to.equals(EconomyTx.TREASURY)) {
            t = EconomyTx.Transfer.toTreasury(minor, memo, revenue);
        } else {
            if (revenue) {
                throw new IllegalArgumentException("--revenue is for a payment into the treasury");
            }
            String did;
            try {
                did = VerifyingKey.fromDid(to).did();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("TO is a did:key or treasury, not '" + to + "'");
            }
            t = new EconomyTx.Transfer(did, minor, memo, false);
        }
        new Submitter(signer.node).submit(signer.key, t);
        return 0;
    }
}
