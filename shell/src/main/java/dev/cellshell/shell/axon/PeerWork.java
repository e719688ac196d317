package dev.cellshell.shell.axon;

import dev.cellshell.ipc.HostMessage;
import dev.cellshell.livecompiler.SourceFile;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** What a node does for the cells a peer runs on it: compile here, its own sources, its services. */
public interface PeerWork {

    /**
     * What this node makes of a cell type a peer asked it to run: the classes to define in the peer's host and the
     * services they declare ({@code @Uses}, read from the class files), or why not ({@code refused}).
     */
    record Code(java.util.Map<String, byte[]> classes, Set<String> uses, String refused) {
    }

    /** Compiles a peer's (or this node's) sources of {@code type} under this node's sandbox. */
    CompletableFuture<Code> compileForPeer(String type, List<SourceFile> sources);

    /** This node's own sources of {@code type}; empty when it has none. */
    List<SourceFile> ownSources(String type);

    /** Answers a service call of cell {@code cellId} that this node runs for {@code peer}. */
    Object answerForPeer(String peer, String cellId, Set<String> uses, HostMessage.ServiceCall call);
}
