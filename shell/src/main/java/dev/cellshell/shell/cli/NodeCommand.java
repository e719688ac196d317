package dev.cellshell.shell.cli;

import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.ControlMessage.ChangeReply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cell node}: this workspace as a node of the axon network (docs/DISTRIBUTED.md). */
@Command(name = "node", mixinStandardHelpOptions = true, description = {
        "This workspace as a node: its identity, its gateway, and the nodes it pairs with.",
        "Remote cells: cell spawn TYPE --on NODE; cell move CELL --to-node NODE|local; cell nodes."},
        subcommands = {NodeCommand.Init.class, NodeCommand.Listen.class, NodeCommand.Invite.class,
                NodeCommand.Pair.class, NodeCommand.Allow.class, NodeCommand.Forget.class})
final class NodeCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CellCommand.USAGE;
    }

    /** Sends a node verb to the running shell and prints its answer. */
    static int send(WorkspaceOption workspace, String verb, List<String> args) {
        ShellClient.Answer<ChangeReply> answer = ShellClient.ask("node " + verb, workspace,
                new ControlMessage.NodeRequest(verb, args), ChangeReply.class);
        if (answer.reply() == null) {
            return answer.exit();
        }
        if (!answer.reply().done()) {
            workspace.err().println("cell node " + verb + ": " + answer.reply().message());
            return CellCommand.REFUSED;
        }
        workspace.out().println(answer.reply().message());
        return 0;
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = {
            "Make this workspace a node: a key pair and a self-signed certificate in node/ (0600).",
            "The gateway stays off unless --listen names where it listens."})
    static final class Init implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;

        @Option(names = "--name", description = "What peers call this node (default: the host name).")
        String name;

        @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "",
                description = "Turn the gateway on, listening only there (e.g. 10.0.0.2:7610).")
        String listen;

        @Override
        public Integer call() {
            String chosen = name != null ? name : hostName();
            try {
                var made = dev.cellshell.shell.axon.Axon.init(workspace.resolve(), chosen, listen);
                workspace.out().println("node " + made.name() + " " + dev.cellshell.axon.Fingerprints.shortForm(
                        made.fingerprint()) + " (fingerprint " + made.fingerprint() + ")");
                workspace.out().println(listen.isEmpty() ? "the gateway is off ('cell node listen HOST:PORT')"
                        : "the gateway listens on " + listen + " when the shell runs");
            } catch (java.io.IOException | IllegalArgumentException e) {
                workspace.err().println("cell node init: " + e.getMessage());
                return CellCommand.REFUSED;
            }
            try {
                ShellClient.call(workspace.resolve(), new ControlMessage.NodeRequest("reload", List.of()));
            } catch (ShellClient.NoShellException | java.io.IOException e) {
                // no shell running: it reads the identity when it starts
            }
            return 0;
        }

        private static String hostName() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "node";
            }
            String clean = host.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
            clean = clean.replaceAll("^[^a-z]+", "");
            return clean.isEmpty() ? "node" : clean.substring(0, Math.min(32, clean.length()));
        }
    }

    @Command(name = "listen", mixinStandardHelpOptions = true,
            description = "Turn the gateway on at HOST:PORT (only there), or off.")
    static final class Listen implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;

        @Parameters(paramLabel = "HOST:PORT|off")
        String address;

        @Override
        public Integer call() {
            return send(workspace, "listen", List.of(address));
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true, description = {
            "Show a one-time pairing code (10 minutes, one use; three wrong tries void it).",
            "The node that pairs with it may run the --types given here."})
    static final class Invite implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;

        @Option(names = "--types", paramLabel = "TYPE,…", defaultValue = "*",
                description = "Cell types it may run here (* for any; empty for none). Default: *.")
        String types;

        @Option(names = "--code", description = "It may send its own sources (else it runs only this node's own "
                + "sources of those types).")
        boolean code;

        @Override
        public Integer call() {
            return send(workspace, "invite", List.of(types, Boolean.toString(code)));
        }
    }

    @Command(name = "pair", mixinStandardHelpOptions = true,
            description = "Pair with the node whose gateway listens at HOST:PORT, with the code it shows.")
    static final class Pair implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;

        @Parameters(paramLabel = "HOST:PORT")
        String address;

        @Option(names = "--code", required = true, description = "The code 'cell node invite' showed there.")
        String code;

        @Option(names = "--name", defaultValue = "", description = "What to call it here (default: its own name).")
        String name;

        @Override
        public Integer call() {
            return send(workspace, "pair", List.of(address, code, name));
        }
    }

    @Command(name = "allow", mixinStandardHelpOptions = true,
            description = "Set which cell types NODE may run here, and whether with its own sources.")
    static final class Allow implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;

        @Parameters(paramLabel = "NODE")
        String node;

        @Option(names = "--types", paramLabel = "TYPE,…", required = true,
                description = "Cell types (* for any; empty for none).")
        String types;

        @Option(names = "--code", description = "It may send its own sources.")
        boolean code;

        @Override
        public Integer call() {
            return send(workspace, "allow", List.of(node, types, Boolean.toString(code)));
        }
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = "Forget NODE: it can no longer connect here, nor this node there.")
    static final class Forget implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;

        @Parameters(paramLabel = "NODE")
        String node;

        @Override
        public Integer call() {
            return send(workspace, "forget", List.of(node));
        }
    }

    /** {@code A,B} → its words; {@code *} stays; empty → none. */
    static List<String> types(String text) {
        List<String> types = new ArrayList<>();
        for (String t : text.split(",")) {
            if (!t.isBlank()) {
                types.add(t.trim());
            }
        }
        return types;
    }
}
