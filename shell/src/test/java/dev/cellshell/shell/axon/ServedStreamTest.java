package dev.cellshell.shell.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.axon.Peer;
import dev.cellshell.ipc.AxonMessage;
import dev.cellshell.ipc.Frames;
import dev.cellshell.ipc.HostCodec;
import dev.cellshell.ipc.HostMessage;
import dev.cellshell.livecompiler.CompileResult;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.host.Hosts;
import io.grpc.stub.StreamObserver;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The node's side of a cell stream against a peer that is hostile: what it sends is checked (names, sizes, its
 * permissions, this node's sandbox), audited, and never runs when refused; the real compiler and a cell host (in
 * this JVM) do the work.
 */
class ServedStreamTest {

    private static final HostCodec HOST = new HostCodec();
    private static final HostMessage.CallContext CONTEXT = new HostMessage.CallContext("hello", 240, 80, Map.of(),
            1_795_000_000L, 0);

    private final LiveCompiler compiler = new LiveCompiler(getClass().getClassLoader());
    private final List<String> audit = new ArrayList<>();
    private final Map<String, List<SourceFile>> own = new LinkedHashMap<>();
    /** Compiles done for the peer. */
    private volatile int compiled;

    private final PeerWork work = new PeerWork() {
        @Override
        public CompletableFuture<Code> compileForPeer(String type, List<SourceFile> sources) {
            compiled++;
            CompileResult result = compiler.compile(sources);
            return CompletableFuture.completedFuture(result.succeeded()
                    ? new Code(result.classes(), Set.of(), null)
                    : new Code(Map.of(), Set.of(), type + " does not compile here: " + result.errors().get(0).format()));
        }

        @Override
        public List<SourceFile> ownSources(String type) {
            return own.getOrDefault(type, List.of());
        }

        @Override
        public Object answerForPeer(String peer, String cellId, Set<String> uses, HostMessage.ServiceCall call) {
            throw new IllegalStateException(call.service() + " is not for a cell that runs for another node");
        }
    };

    private final LinkedBlockingQueue<AxonMessage> toPeer = new LinkedBlockingQueue<>();

    /** Nanoseconds of the compile allowance's clock (a test moves it). */
    private final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    private final CompileAllowance compiles = new CompileAllowance(now::get);

    private ServedStream stream(Set<String> types, boolean code) {
        Peer peer = new Peer("laptop", "", "ab".repeat(32), types, code, "");
        return new ServedStream(peer, "peer-laptop-1", new StreamObserver<>() {
            @Override
            public void onNext(AxonMessage value) {
                toPeer.add(value);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        }, work, Hosts.Factory.inProcess(getClass().getClassLoader()),
                (p, action, type, generation, sent, mine, result) -> audit.add(p + " " + type + ": " + result),
                compiles, s -> { });
    }

    private HostMessage answer(long sequence) throws Exception {
        while (true) {
            AxonMessage message = toPeer.poll(30, TimeUnit.SECONDS);
            assertThat(message).as("an answer to " + sequence).isNotNull();
            if (message instanceof AxonMessage.Gone gone) {
                return new HostMessage.Failed("gone: " + gone.why());
            }
            if (message instanceof AxonMessage.Reply reply && reply.sequence() == sequence) {
                return HOST.decode(Frames.decode(ByteBuffer.wrap(reply.answer())));
            }
        }
    }

    private static Map<String, String> hello(String body) {
        return Map.of("Hello.java", body);
    }

    @Test
    void aTypeItMayRunCompilesHereRunsAndIsAudited() throws Exception {
        ServedStream s = stream(Set.of("Hello"), true);
        s.onNext(new AxonMessage.DefineSource(1, 4, "Hello", hello(Assets.cellSource("Hello"))));
        assertThat(answer(1)).isInstanceOf(HostMessage.Done.class);
        s.onNext(new AxonMessage.Call(2, "hello", HOST.encode(new HostMessage.Instantiate(9, "hello", 4, 0, Map.of(),
                0))));
        assertThat(answer(2)).isInstanceOf(HostMessage.Done.class);
        s.onNext(new AxonMessage.Call(3, "hello", HOST.encode(new HostMessage.Render(9, CONTEXT))));
        assertThat(answer(3)).isInstanceOf(HostMessage.Rendered.class);
        assertThat(s.cells()).containsExactly("hello");
        assertThat(audit).containsExactly("laptop Hello: ran for laptop with its own sources");
        s.end();
    }

    @Test
    void hostileDefinitionsAreRefusedAndAuditedAndNothingOfThemRuns() throws Exception {
        ServedStream s = stream(Set.of("Hello"), true);
        s.onNext(new AxonMessage.DefineSource(1, 4, "Clock", Map.of("Clock.java", Assets.cellSource("Clock"))));
        assertThat(answer(1)).isEqualTo(new HostMessage.Failed("node 'laptop' may not run Clock here (allowed: "
                + "Hello)"));
        s.onNext(new AxonMessage.DefineSource(2, 5, "../../etc", hello("class X {}")));
        assertThat(((HostMessage.Failed) answer(2)).error()).contains("is no cell type name");
        s.onNext(new AxonMessage.DefineSource(3, 6, "Hello", Map.of("../../Hello.java", "class X {}")));
        assertThat(((HostMessage.Failed) answer(3)).error()).contains("is no source file name");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put("F" + i + ".java", "class F" + i + " {}");
        }
        s.onNext(new AxonMessage.DefineSource(4, 7, "Hello", many));
        assertThat(((HostMessage.Failed) answer(4)).error()).contains("40 files");
        String escape = Assets.cellSource("Hello").replace("public void render(",
                "static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/pwned\"), \"x\"); } "
                        + "catch (Exception e) { } }\n    public void render(");
        s.onNext(new AxonMessage.DefineSource(5, 8, "Hello", hello(escape)));
        assertThat(((HostMessage.Failed) answer(5)).error()).as("this node's sandbox").contains("does not compile here");
        s.onNext(new AxonMessage.Call(6, "hello", HOST.encode(new HostMessage.Instantiate(9, "hello", 8, 0, Map.of(),
                0))));
        assertThat(((HostMessage.Failed) answer(6)).error()).contains("was not defined on this stream");
        assertThat(audit).hasSize(5).allMatch(line -> line.contains("refused"));
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/pwned"))).isFalse();
        s.end();
    }

    @Test
    void aPeerThatMayNotSendCodeRunsThisNodesOwnSourceWhateverItSends() throws Exception {
        own.put("Hello", List.of(new SourceFile("Hello.java", Assets.cellSource("Hello"))));
        ServedStream s = stream(Set.of("Hello"), false);
        s.onNext(new AxonMessage.DefineSource(1, 4, "Hello", hello("this is not even Java")));
        assertThat(answer(1)).isInstanceOf(HostMessage.Done.class);
        assertThat(audit).containsExactly("laptop Hello: ran for laptop with this node's sources");
        s.end();
    }

    @Test
    void aPeerPastItsCompileAllowanceIsRefusedWithoutACompileUntilTheMinuteHasPassed() throws Exception {
        // the peer's definitions count over all its streams: the first streams used them up
        for (int i = 0; i < CompileAllowance.PER_MINUTE; i++) {
            assertThat(compiles.ask("laptop")).isNull();
        }
        ServedStream s = stream(Set.of("Hello"), true);
        s.onNext(new AxonMessage.DefineSource(1, 4, "Hello", hello(Assets.cellSource("Hello"))));
        assertThat(((HostMessage.Failed) answer(1)).error()).isEqualTo("node 'laptop' asked for 30 definitions within "
                + "a minute (at most 30); ask again in 60 s");
        assertThat(audit).containsExactly("laptop Hello: refused: node 'laptop' asked for 30 definitions within a "
                + "minute (at most 30); ask again in 60 s");
        assertThat(compiled).as("nothing was compiled for it").isZero();
        assertThat(compiles.ask("buildbox")).as("another peer's allowance is its own").isNull();

        now.addAndGet(CompileAllowance.WINDOW_NANOS);
        s.onNext(new AxonMessage.DefineSource(2, 4, "Hello", hello(Assets.cellSource("Hello"))));
        assertThat(answer(2)).isInstanceOf(HostMessage.Done.class);
        assertThat(compiled).isEqualTo(1);
        s.end();
    }

    @Test
    void messagesThatAreNotRequestsCloseTheStream() throws Exception {
        ServedStream s = stream(Set.of("Hello"), true);
        s.onNext(new AxonMessage.Call(1, "hello", HOST.encode(new HostMessage.Done(List.of(), -1))));
        assertThat(((HostMessage.Failed) answer(1)).error()).contains("gone").contains("may not be forwarded");
    }
}
