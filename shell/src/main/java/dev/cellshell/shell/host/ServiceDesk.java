package dev.cellshell.shell.host;

import dev.cellshell.ipc.HostMessage.ServiceCall;

/** The shell's side of the services: answers one call of a cell (checked against what that cell declared). */
@FunctionalInterface
public interface ServiceDesk {

    /**
     * @param cellId the cell the host was running when it called: the one the shell believes, not the one it claims
     * @return the answer, a {@link dev.cellshell.ipc.HostValues} value
     * @throws RuntimeException whose message is the refusal the cell sees
     */
    Object answer(String cellId, ServiceCall call);
}
