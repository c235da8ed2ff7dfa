package org.phyle.node.cli;

import java.io.PrintWriter;
import org.phyle.node.CorruptLedgerException;
import org.phyle.node.audit.AuditFailure;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code phyle} command line. */
@Command(name = "phyle", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "phyle 0.1.0",
        description = "Phyle: an operating system for network states.%n",
        subcommands = {KeygenCommand.class, InitCommand.class, ServeCommand.class, DemoCommand.class,
                SignCommand.class, SubmitCommand.class, ReceiptCommand.class, VerifyCommand.class,
                NotaryCommand.class, CitizenCommand.class, ProposalCommand.class, TallyCommand.class, CharterCommand.class,
                CanonCommand.class, CommentCommand.class, SortitionCommand.class, BenchCommand.class, BackupCommand.class,
                RestoreCommand.class, KeyCommand.class, EconomyCommand.class, WalletCommand.class, PayCommand.class,
                LockCommand.class, QfCommand.class, CampaignCommand.class, LandCommand.class, HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs a command line and returns its exit code: 0 success (a transaction committed), 1 failure, 2 usage error,
     * 3 refused (the transaction is not on the ledger), 4 pending (not known yet: ask again with {@code receipt}).
     */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof Outcome.Refused || e instanceof Outcome.Pending) {
                err.println(message(e));
                err.flush();
                return e instanceof Outcome.Refused ? Outcome.REFUSED : Outcome.PENDING;
            }
            err.println("phyle: " + message(e));
            err.flush();
            if (!(e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof NodeClient.ProblemException || e instanceof CorruptLedgerException
                    || e instanceof AuditFailure || e instanceof java.io.UncheckedIOException
                    || e instanceof org.phyle.core.Rejection || e instanceof org.phyle.node.store.StorageException)) {
                e.printStackTrace(err);
            }
            return 1;
        });
        return cl.execute(args);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
