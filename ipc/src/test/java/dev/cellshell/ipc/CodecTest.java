package dev.cellshell.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.ipc.SceneMessage.Layer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CodecTest {

    static Stream<SceneMessage> sceneMessages() {
        return Stream.of(
                new SceneMessage.Hello(42, 1280, 720, false, "llvmpipe (LLVM 15.0.6, 256 bits)", 77L),
                new SceneMessage.PublishScene(7, 0xFF101820, List.of(
                        new Layer("label", 3, 9, 10.5f, 20, 300, 60, new byte[] {1, 2, 3}),
                        new Layer("clock", 1, 1, 0, 0, 0, 0, new byte[0]).inSlot(7))),
                new SceneMessage.PublishScene(8, 0xFF101820, List.of(
                        new Layer("clock", 1, 1, 4, 4, 200, 32, new byte[] {9}).onSurface("bar")), List.of(
                        new SceneMessage.Surface("desktop", SceneMessage.Role.DESKTOP, "DUMMY0", 0, 40, 1280, 680,
                                SceneMessage.Edge.NONE, 0, 0xFF1E2430),
                        new SceneMessage.Surface("bar", SceneMessage.Role.PANEL, "DUMMY0", 0, 0, 1280, 40,
                                SceneMessage.Edge.TOP, 40, 0xFF2E3440))),
                new SceneMessage.Monitors(List.of(new SceneMessage.Monitor("DUMMY0", 0, 0, 1280, 720, 1, true),
                        new SceneMessage.Monitor("DUMMY1", 1280, 0, 1920, 1080, 2, false))),
                new SceneMessage.Monitors(List.of()),
                new SceneMessage.Workspaces(4, 1, List.of("web", "code", "", "mail")),
                SceneMessage.Workspaces.NONE,
                new SceneMessage.SwitchWorkspace(2),
                new SceneMessage.FramePresented(7, 99, 1_234_567),
                new SceneMessage.PointerInput(SceneMessage.PointerKind.PRESS, 12.5f, 40, 1),
                new SceneMessage.PointerInput(SceneMessage.PointerKind.SCROLL, 300, 200, 0, 4, -1.5f, 2, "clock",
                        20, 30.5f),
                new SceneMessage.PointerInput(SceneMessage.PointerKind.LEAVE, 1, 2, 0).at("label", 1, 2),
                new SceneMessage.Resized(1920, 1080, 2f),
                new SceneMessage.SelectCell("button"),
                new SceneMessage.Overlay(true, "clock", false),
                SceneMessage.Overlay.NONE,
                new SceneMessage.StatsRequest(3),
                new SceneMessage.StatsReply(3, new SceneMessage.FrameStats(120, 900_000, 1_200_000, 1, 1, 4, 1,
                        7_680, 2, 1000, 3, 50_000_000)),
                new SceneMessage.KeyInput(true, 65, "a", 2),
                new SceneMessage.ShotRequest(5),
                new SceneMessage.ShotReply(5, 7, new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                new SceneMessage.Picture(0x1234_5678_9ABC_DEF0L, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}),
                new SceneMessage.Picture(-1L, new byte[0]));
    }

    static Stream<ControlMessage> controlMessages() {
        return Stream.of(
                new ControlMessage.SurfacesRequest(),
                new ControlMessage.NodeRequest("pair", List.of("10.0.0.2:7610", "K3PX-9QWM", "")),
                new ControlMessage.CommandRequest(List.of("set", "label", "text=Grüße ✓", "--workspace", "ws"), "/tmp/ü"),
                new ControlMessage.CommandRequest(List.of(), "/"),
                new ControlMessage.CommandReply(3, "out\nline", "cell set: no such cell label\n"),
                new ControlMessage.SurfacesReply(List.of(new SceneMessage.Surface("bar", SceneMessage.Role.PANEL,
                        "DUMMY1", 1280, 0, 1920, 36, SceneMessage.Edge.TOP, 36, 0xFF272D39)), List.of(
                        new SceneMessage.Monitor("DUMMY1", 1280, 0, 1920, 1080, 1, false)), Map.of("bar", 3)),
                new ControlMessage.SwapRequest("label", "Label.java", "class Label {}"),
                new ControlMessage.SwapReply(false, "label", 2, List.of(
                        new ControlMessage.Problem("Label.java", 3, 9, true, "x cannot be resolved", "  int y = x;")),
                        List.of("state field n reset: its type changed from int to java.lang.String"), 11_000_000, 0),
                new ControlMessage.ShotRequest(),
                new ControlMessage.ShotReply(3, new byte[] {1, 2}),
                new ControlMessage.StatusRequest(),
                new ControlMessage.StatusReply(77, "/tmp/ws", 12, "llvmpipe", List.of(
                        new ControlMessage.CellStatus("clock", "Clock", 1, 1, 2, 3, 4, "clicks=3",
                                java.util.Map.of("zone", "UTC"), "slow: 40 ms per render", "rolled back"))),
                new ControlMessage.ClickRequest(100, 200.5f),
                new ControlMessage.ClickReply("button"),
                new ControlMessage.HistoryRequest("rollback", "label", 3),
                new ControlMessage.ChangeRequest("spawn", "clock-2", "Clock", "bottom-right", 24, 0, 0,
                        java.util.Map.of("zone", "Europe/Paris")),
                new ControlMessage.ChangeReply(true, "clock-2", "bottom-right 1000,600"),
                new ControlMessage.ChangeRequest("spawn", "", "Clock", "center", 0, 200, 72, java.util.Map.of(),
                        "dock"),
                new ControlMessage.AskRequest("make the OK button bigger", true),
                new ControlMessage.AskRequest("add a pomodoro timer cell", false, true),
                new ControlMessage.AskReply(true, false, "Made ok 25% bigger", "{\"request\": \"…\"}", -1),
                new ControlMessage.StatsRequest(),
                new ControlMessage.StatsReply("llvmpipe (offscreen)", new SceneMessage.FrameStats(9, 1, 2, 3, 4, 5, 6,
                        7, 8, 10, 11, 12), 2.5, 4.75, 37),
                new ControlMessage.OverlayRequest("on", "", "clock"),
                new ControlMessage.OverlayReply(true, false, "clock"),
                new ControlMessage.Failure("no cell with id 'nope'"));
    }

    static Stream<HostMessage> hostMessages() {
        HostMessage.CallContext context = new HostMessage.CallContext("clock", 256, 96, Map.of("zone", "UTC"),
                1_795_000_000L, 123_456_789);
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("clicks", 3);
        state.put("big", Long.MAX_VALUE);
        state.put("ratio", 0.5);
        state.put("f", 1.5f);
        state.put("on", true);
        state.put("name", "Zoë");
        state.put("c", 'x');
        state.put("s", (short) 7);
        state.put("b", (byte) -1);
        state.put("none", null);
        state.put("bytes", new byte[] {1, 2});
        state.put("ints", new int[] {3, 4});
        return Stream.of(
                new HostMessage.UseTheme("dark", Map.of("surface", "#2E3440")),
                new HostMessage.Define(4, "Clock", Map.of("Clock", new byte[] {(byte) 0xCA, (byte) 0xFE}),
                        Map.of("Clock.java", "class Clock {}")),
                new HostMessage.Instantiate(9, "clock", 4, 8, state, 3),
                new HostMessage.Render(9, context),
                new HostMessage.Event(9, HostMessage.EventKind.KEY_PRESS.ordinal(), 1, 2, 3, 4, 1, 2, 65, "a", context),
                new HostMessage.Broadcast(9, "theme", "light", context),
                new HostMessage.ReadState(9),
                new HostMessage.Close(9),
                new HostMessage.Forget(4),
                new HostMessage.ServiceReply(Map.of("k", "v"), ""),
                new HostMessage.ServiceReply(null, "no picture images/x.png"),
                new HostMessage.Hello(42, List.of("read-only files", "no network")),
                new HostMessage.ServiceCall("notes", "Storage", "put", java.util.Arrays.asList("k", null)),
                new HostMessage.Done(List.of("state field x reset"), 1000),
                new HostMessage.Failed("render (threw java.lang.Error: boom)"),
                new HostMessage.Rendered(new byte[] {1, 0}, -1),
                new HostMessage.Handled(true, 15, Map.of("clicks", 3), new byte[] {1, 0}),
                new HostMessage.Handled(false, -1, Map.of(), new byte[0]),
                new HostMessage.StateSnapshot(Map.of("clicks", 3), List.of()));
    }

    static Stream<AxonMessage> axonMessages() {
        return Stream.of(
                new AxonMessage.PairRequest("laptop", new byte[] {1, 2, 3}),
                new AxonMessage.PairReply(true, "buildbox", new byte[] {4, 5}, ""),
                new AxonMessage.PairReply(false, "", new byte[0], "wrong code"),
                new AxonMessage.Ping(123_456_789L),
                new AxonMessage.Pong(123_456_789L, "buildbox", List.of("monitor", "log")),
                new AxonMessage.Open("node-buildbox"),
                new AxonMessage.Call(7, "monitor", new HostCodec().encode(new HostMessage.ReadState(9))),
                new AxonMessage.DefineSource(8, 4, "Clock", Map.of("Clock.java", "class Clock {}")),
                new AxonMessage.Reply(8, new HostCodec().encode(new HostMessage.Rendered(new byte[] {1, 0}, 1000)), 9,
                        12, 40),
                new AxonMessage.Gone("cell host of node buildbox died", true));
    }

    @ParameterizedTest
    @MethodSource("axonMessages")
    void axonMessagesSurviveARoundTrip(AxonMessage message) throws Exception {
        AxonCodec codec = new AxonCodec();
        assertThat(codec.decode(codec.encode(message))).usingRecursiveComparison().isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("hostMessages")
    void hostMessagesSurviveARoundTrip(HostMessage message) throws Exception {
        HostCodec codec = new HostCodec();
        HostMessage decoded = codec.decode(Frames.decode(ByteBuffer.wrap(codec.encode(message))));
        assertThat(decoded).usingRecursiveComparison().isEqualTo(message);
    }

    @Test
    void valuesThatCouldCarryAHostsObjectDoNotCross() {
        assertThat(HostValues.isValue(new java.util.ArrayList<>())).isFalse();
        assertThat(HostValues.isValue(new Object())).isFalse();
        assertThat(HostValues.isValue(Map.of("k", new Object()))).isFalse();
        assertThat(HostValues.isValue("x".repeat(HostValues.MAX_STRING + 1))).isFalse();
        assertThatThrownBy(() -> new HostCodec().encode(new HostMessage.ServiceReply(new StringBuilder("x"), "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.StringBuilder");
    }

    @ParameterizedTest
    @MethodSource("sceneMessages")
    void sceneMessagesSurviveARoundTrip(SceneMessage message) throws Exception {
        SceneMessage decoded = SceneMessage.CODEC.decode(Frames.decode(ByteBuffer.wrap(
                SceneMessage.CODEC.encode(message))));
        assertThat(decoded).usingRecursiveComparison().isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("controlMessages")
    void controlMessagesSurviveARoundTrip(ControlMessage message) throws Exception {
        ControlMessage decoded = ControlMessage.CODEC.decode(Frames.decode(ByteBuffer.wrap(
                ControlMessage.CODEC.encode(message))));
        assertThat(decoded).usingRecursiveComparison().isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("sceneMessages")
    void everyTruncationOfAMessageIsRejected(SceneMessage message) {
        byte[] frame = SceneMessage.CODEC.encode(message);
        for (int cut = 0; cut < frame.length; cut++) {
            byte[] shorter = Arrays.copyOf(frame, cut);
            assertThatThrownBy(() -> SceneMessage.CODEC.decode(Frames.decode(ByteBuffer.wrap(shorter))))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void aPayloadShorterThanItsFieldsIsRejectedEvenWithAConsistentLength() {
        byte[] payload = new WireOut().i64(1).i32(0xFF000000).i32(1_000_000).toByteArray();
        byte[] frame = Frames.encode(2, payload);
        assertThatThrownBy(() -> SceneMessage.CODEC.decode(Frames.decode(ByteBuffer.wrap(frame))))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("1000000 items cannot fit");
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] payload = {0, 0, 0, 2, (byte) 0xC3, (byte) 0x28, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> ControlMessage.CODEC.decode(Frames.decode(ByteBuffer.wrap(
                Frames.encode(1, payload))))).isInstanceOf(ProtocolException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void oversizedFramesAreRefusedBeforeAllocating() {
        ByteBuffer frame = ByteBuffer.allocate(10).putInt(Frames.MAX_FRAME_BYTES + 1).put(Frames.VERSION).put((byte) 1)
                .putInt(1);
        assertThatThrownBy(() -> Frames.decode(frame.flip()))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void negativeLengthsOtherVersionsUnknownTagsAndTrailingBytesAreRefused() {
        assertThatThrownBy(() -> Frames.decode(ByteBuffer.allocate(4).putInt(-5).flip()))
                .hasMessageContaining("shorter than its header");
        assertThatThrownBy(() -> Frames.decode(ByteBuffer.allocate(10).putInt(6).put((byte) 9).put((byte) 1).putInt(1)
                .flip()))
                .hasMessageContaining("the peer speaks protocol version 9; this side speaks " + Frames.VERSION);
        assertThatThrownBy(() -> SceneMessage.CODEC.decode(Frames.decode(ByteBuffer.wrap(
                Frames.encode(200, new byte[0]))))).hasMessageContaining("unknown scene message tag 200");
        assertThatThrownBy(() -> ControlMessage.CODEC.decode(Frames.decode(ByteBuffer.wrap(
                Frames.encode(3, new byte[] {0}))))).hasMessageContaining("trailing bytes");
    }
}
