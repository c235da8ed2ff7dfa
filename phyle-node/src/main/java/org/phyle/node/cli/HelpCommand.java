package org.phyle.node.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code phyle help [COMMAND [SUBCOMMAND...]]}: the help of the command named by the whole path (picocli's own help
 * command looks at the first word only, so {@code help proposal vote} printed the help of {@code proposal}).
 */
@Command(name = "help", helpCommand = true, description = "Show the help of a command: phyle help proposal vote")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its subcommands.")
    String[] path = new String[0];

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter,
                     PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        StringBuilder named = new StringBuilder("phyle");
        for (String word : path) {
            CommandLine next = target.getSubcommands().get(word);
            if (next == null) {
                throw new CommandLine.ParameterException(self, "'" + named + " " + word + "' is not a command; `"
                        + named + " --help` lists " + (target.getSubcommands().isEmpty() ? "its options"
                        : "its commands"));
            }
            named.append(' ').append(word);
            target = next;
        }
        target.usage(out, colors);
        out.flush();
    }
}
