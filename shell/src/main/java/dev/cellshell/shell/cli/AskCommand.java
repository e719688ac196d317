package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true, description = {
    "Ask the desktop to change itself in plain language, e.g. cell ask \"make the OK button bigger\".",
    "Understood offline (verb rules, then a built-in sentence model for paraphrases); a request it does not",
    "understand changes nothing. One request is one audited change: 'cell undo' takes it back."})
final class AskCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--dry-run", description = "Only say what would change.")
    boolean dryRun;

    @Option(names = "--yes", description = "Confirm a request that removes more than one cell (without it such a "
            + "request changes nothing and says what it would remove).")
    boolean yes;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Option(names = "--llm", description = "Have the configured language model write cell code for the request "
            + "(CELLSHELL_LLM=openai|anthropic|ollama with its OPENAI_/ANTHROPIC_/OLLAMA_ settings, or llm.properties "
            + "in the workspace). Only code that compiles in the sandbox and renders is swapped in.")
    boolean llm;

    @Parameters(paramLabel = "REQUEST", arity = "1..*", description = "What you want, in words.")
    List<String> words;

    @Override
    public Integer call() {
        ShellClient.Answer<ControlMessage.AskReply> answer = ShellClient.ask("ask", workspace,
                new ControlMessage.AskRequest(String.join(" ", words), dryRun, llm, yes), ControlMessage.AskReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        ControlMessage.AskReply reply = answer.reply();
        if (json) {
            workspace.out().println(reply.planJson());
        }
        if (!reply.understood() || (!dryRun && !reply.applied())) {
            workspace.err().println("cell ask: " + reply.message());
            return CellCommand.REFUSED;
        }
        if (!json) {
            workspace.out().println((dryRun ? "would do: " : "") + reply.message() + (reply.editToPixelNanos() >= 0
                    ? String.format(" (on screen after %.1f ms)", reply.editToPixelNanos() / 1e6) : ""));
        }
        return 0;
    }
}
