package dev.cellshell.shell.cli;

import dev.cellshell.shell.workspace.Catalog;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "catalog", mixinStandardHelpOptions = true, description = {
    "The cell types you can spawn (cell spawn TYPE): the built-in ones and the workspace's own cells/<Type>/",
    "folders, each with the first sentence of its class comment. Reads the workspace; needs no running shell."})
final class CatalogCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "One JSON object per type.")
    boolean json;

    @Override
    public Integer call() {
        try {
            for (Catalog.Entry e : Catalog.of(workspace.resolve())) {
                workspace.out().println(json ? Json.object(Map.of("type", e.type(), "builtIn",
                        Boolean.toString(e.builtIn()), "summary", e.summary(), "source", e.source().toString(),
                        "size", e.size().preferred()))
                        : String.format("%-14s %-9s %-8s %s", e.type(), e.builtIn() ? "built-in" : "yours",
                                e.size().preferred(), e.summary()));
            }
            return 0;
        } catch (IOException e) {
            workspace.err().println("cell catalog: cannot read the workspace " + workspace.resolve() + ": " + e.getMessage());
            return CellCommand.REFUSED;
        }
    }
}
