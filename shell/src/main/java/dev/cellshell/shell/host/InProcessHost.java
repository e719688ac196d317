package dev.cellshell.shell.host;

import dev.cellshell.host.CellRunner;
import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.HostMessage.ServiceCall;
import java.util.List;

/**
 * The test implementation of {@link CellHost}: the same {@link CellRunner} a host process runs, called directly on
 * the caller's thread. It has no deadline and no walls; the shell process never uses it for cells it runs for a
 * person (only unit tests and the {@code --in-place} development tier, whose agent lives in the shell).
 */
public final class InProcessHost implements CellHost {

    private final String name;
    private final CellRunner runner;
    private String calling = "";

    public InProcessHost(String name, ClassLoader parent, ServiceDesk desk) {
        this.name = name;
        this.runner = new CellRunner(parent, (cellId, service, method, args) ->
                desk.answer(calling, new ServiceCall(cellId, service, method, args)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public HostMessage.Answer call(String cellId, HostMessage request) {
        calling = cellId;
        return runner.handle(request);
    }

    /** The in-place tier: {@link CellRunner#redefine}. */
    public dev.cellshell.livecompiler.GenerationLoader.Redefinition redefine(long running, long next,
            java.util.Map<String, byte[]> classes, java.lang.instrument.Instrumentation instrumentation) {
        return runner.redefine(running, next, classes, instrumentation);
    }

    /** The class loader of an instance's generation, for leak checks; {@code null} when there is none. */
    public ClassLoader loaderOf(long instance) {
        return runner.loaderOf(instance);
    }

    @Override
    public List<String> walls() {
        return List.of();
    }

    @Override
    public long pid() {
        return -1;
    }

    @Override
    public boolean alive() {
        return true;
    }

    @Override
    public void close() {
    }
}
