package dev.cellshell.ipc;

import dev.cellshell.ipc.SceneMessage.FramePresented;
import dev.cellshell.ipc.SceneMessage.FrameStats;
import dev.cellshell.ipc.SceneMessage.Overlay;
import dev.cellshell.ipc.SceneMessage.Resized;
import dev.cellshell.ipc.SceneMessage.SelectCell;
import dev.cellshell.ipc.SceneMessage.StatsReply;
import dev.cellshell.ipc.SceneMessage.StatsRequest;
import dev.cellshell.ipc.SceneMessage.Hello;
import dev.cellshell.ipc.SceneMessage.KeyInput;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.ipc.SceneMessage.ShotReply;
import dev.cellshell.ipc.SceneMessage.ShotRequest;
import java.util.ArrayList;
import java.util.List;

final class SceneCodec implements Codec<SceneMessage> {

    private static final int HELLO = 1;
    private static final int PUBLISH = 2;
    private static final int PRESENTED = 3;
    private static final int POINTER = 4;
    private static final int KEY = 5;
    private static final int SHOT_REQUEST = 6;
    private static final int SHOT_REPLY = 7;
    private static final int RESIZED = 8;
    private static final int SELECT = 9;
    private static final int OVERLAY = 10;
    private static final int STATS_REQUEST = 11;
    private static final int STATS_REPLY = 12;
    private static final int MONITORS = 13;
    private static final int WORKSPACES = 14;
    private static final int SWITCH_WORKSPACE = 15;
    private static final int PICTURE = 16;
    /** Smallest encoded surface: an empty name and monitor, a role, seven numbers, an edge. */
    private static final int MIN_SURFACE_BYTES = 4 + 1 + 4 + 4 * 4 + 1 + 4 + 4;
    /** Smallest encoded monitor: an empty name, four numbers, a scale, a flag. */
    private static final int MIN_MONITOR_BYTES = 4 + 4 * 4 + 4 + 1;
    /** Smallest encoded layer: an empty id, eight scalars, an empty display list and an empty surface name. */
    private static final int MIN_LAYER_BYTES = 4 + 8 + 8 + 4 * 4 + 4 + 4 + 4;

    @Override
    public byte[] encode(SceneMessage message) {
        WireOut out = new WireOut();
        int tag;
        if (message instanceof Hello h) {
            out.i64(h.pid()).i32(h.width()).i32(h.height()).bool(h.windowed()).str(h.renderer()).i64(h.regionEpoch());
            tag = HELLO;
        } else if (message instanceof PublishScene p) {
            out.i64(p.sceneVersion()).i32(p.background()).i32(p.layers().size());
            for (Layer l : p.layers()) {
                out.str(l.cellId()).i64(l.generation()).i64(l.renderVersion())
                        .f32(l.x()).f32(l.y()).f32(l.width()).f32(l.height()).i32(l.slot()).bytes(l.displayList())
                        .str(l.surface());
            }
            writeSurfaces(out, p.surfaces());
            tag = PUBLISH;
        } else if (message instanceof SceneMessage.Workspaces w) {
            out.i32(w.count()).i32(w.current()).i32(w.names().size());
            w.names().forEach(out::str);
            tag = WORKSPACES;
        } else if (message instanceof SceneMessage.SwitchWorkspace w) {
            out.i32(w.index());
            tag = SWITCH_WORKSPACE;
        } else if (message instanceof SceneMessage.Monitors m) {
            writeMonitors(out, m.monitors());
            tag = MONITORS;
        } else if (message instanceof FramePresented f) {
            out.i64(f.sceneVersion()).i64(f.frameNumber()).i64(f.renderNanos());
            tag = PRESENTED;
        } else if (message instanceof PointerInput p) {
            out.u8(p.kind().ordinal()).f32(p.x()).f32(p.y()).i32(p.button()).i32(p.modifiers()).f32(p.scrollX())
                    .f32(p.scrollY()).str(p.cellId()).f32(p.localX()).f32(p.localY());
            tag = POINTER;
        } else if (message instanceof KeyInput k) {
            out.bool(k.pressed()).i32(k.keyCode()).str(k.text()).i32(k.modifiers());
            tag = KEY;
        } else if (message instanceof SceneMessage.Picture p) {
            out.i64(p.key()).bytes(p.encoded());
            tag = PICTURE;
        } else if (message instanceof ShotRequest s) {
            out.i64(s.requestId());
            tag = SHOT_REQUEST;
        } else if (message instanceof ShotReply s) {
            out.i64(s.requestId()).i64(s.sceneVersion()).bytes(s.png());
            tag = SHOT_REPLY;
        } else if (message instanceof Resized r) {
            out.i32(r.width()).i32(r.height()).f32(r.contentScale());
            tag = RESIZED;
        } else if (message instanceof SelectCell s) {
            out.str(s.cellId());
            tag = SELECT;
        } else if (message instanceof Overlay o) {
            out.bool(o.inspect()).str(o.highlightCellId()).bool(o.stats());
            tag = OVERLAY;
        } else if (message instanceof StatsRequest s) {
            out.i64(s.requestId());
            tag = STATS_REQUEST;
        } else if (message instanceof StatsReply r) {
            writeStats(out.i64(r.requestId()), r.stats());
            tag = STATS_REPLY;
        } else {
            throw new IllegalArgumentException("not a message of this protocol: " + message);
        }
        return Frames.encode(tag, out.toByteArray());
    }

    @Override
    public SceneMessage decode(Frames.Frame frame) throws ProtocolException {
        WireIn in = new WireIn(frame.payload());
        SceneMessage message = switch (frame.tag()) {
            case HELLO -> new Hello(in.i64(), in.i32(), in.i32(), in.bool(), in.str(), in.i64());
            case PUBLISH -> {
                long version = in.i64();
                int background = in.i32();
                int count = in.count(MIN_LAYER_BYTES);
                List<Layer> layers = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    layers.add(new Layer(in.str(), in.i64(), in.i64(), in.f32(), in.f32(), in.f32(), in.f32(),
                            slot(in.i32()), in.bytes(), in.str()));
                }
                yield new PublishScene(version, background, layers, readSurfaces(in));
            }
            case MONITORS -> new SceneMessage.Monitors(readMonitors(in));
            case WORKSPACES -> {
                int count = size(in.i32());
                int current = in.i32();
                int names = in.count(4);
                List<String> list = new ArrayList<>(names);
                for (int i = 0; i < names; i++) {
                    list.add(in.str());
                }
                yield new SceneMessage.Workspaces(count, current, list);
            }
            case SWITCH_WORKSPACE -> new SceneMessage.SwitchWorkspace(in.i32());
            case PRESENTED -> new FramePresented(in.i64(), in.i64(), in.i64());
            case POINTER -> new PointerInput(pointerKind(in.u8()), in.f32(), in.f32(), in.i32(), in.i32(), in.f32(),
                    in.f32(), in.str(), in.f32(), in.f32());
            case RESIZED -> new Resized(in.i32(), in.i32(), in.f32());
            case SELECT -> new SelectCell(in.str());
            case OVERLAY -> new Overlay(in.bool(), in.str(), in.bool());
            case STATS_REQUEST -> new StatsRequest(in.i64());
            case STATS_REPLY -> new StatsReply(in.i64(), readStats(in));
            case KEY -> new KeyInput(in.bool(), in.i32(), in.str(), in.i32());
            case SHOT_REQUEST -> new ShotRequest(in.i64());
            case PICTURE -> new SceneMessage.Picture(in.i64(), in.bytes());
            case SHOT_REPLY -> new ShotReply(in.i64(), in.i64(), in.bytes());
            default -> throw new ProtocolException("unknown scene message tag " + frame.tag());
        };
        in.end();
        return message;
    }

    static void writeSurfaces(WireOut out, List<SceneMessage.Surface> surfaces) {
        out.i32(surfaces.size());
        for (SceneMessage.Surface f : surfaces) {
            out.str(f.name()).u8(f.role().ordinal()).str(f.monitor()).i32(f.x()).i32(f.y()).i32(f.width())
                    .i32(f.height()).u8(f.edge().ordinal()).i32(f.thickness()).i32(f.background());
        }
    }

    static List<SceneMessage.Surface> readSurfaces(WireIn in) throws ProtocolException {
        int count = in.count(MIN_SURFACE_BYTES);
        List<SceneMessage.Surface> surfaces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            surfaces.add(new SceneMessage.Surface(in.str(), ordinal(SceneMessage.Role.values(), in.u8()), in.str(),
                    in.i32(), in.i32(), size(in.i32()), size(in.i32()), ordinal(SceneMessage.Edge.values(), in.u8()),
                    size(in.i32()), in.i32()));
        }
        return surfaces;
    }

    static void writeMonitors(WireOut out, List<SceneMessage.Monitor> monitors) {
        out.i32(monitors.size());
        for (SceneMessage.Monitor o : monitors) {
            out.str(o.name()).i32(o.x()).i32(o.y()).i32(o.width()).i32(o.height()).f32(o.scale()).bool(o.primary());
        }
    }

    static List<SceneMessage.Monitor> readMonitors(WireIn in) throws ProtocolException {
        int count = in.count(MIN_MONITOR_BYTES);
        List<SceneMessage.Monitor> monitors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            monitors.add(new SceneMessage.Monitor(in.str(), in.i32(), in.i32(), size(in.i32()), size(in.i32()),
                    in.f32(), in.bool()));
        }
        return monitors;
    }

    static void writeStats(WireOut out, FrameStats f) {
        out.i64(f.frames()).i64(f.lastProcessCpuNanos()).i64(f.lastWallNanos()).i32(f.lastDecoded())
                .i32(f.lastRasterised()).i32(f.lastComposited()).i32(f.lastDamageRects()).i64(f.lastDamagePixels())
                .i64(f.fullRepaints()).i32(f.cells()).i32(f.textures()).i64(f.gpuBytes());
    }

    static FrameStats readStats(WireIn in) throws ProtocolException {
        return new FrameStats(in.i64(), in.i64(), in.i64(), in.i32(), in.i32(), in.i32(), in.i32(), in.i64(),
                in.i64(), in.i32(), in.i32(), in.i64());
    }

    private static int slot(int slot) throws ProtocolException {
        if (slot < -1) {
            throw new ProtocolException("layer slot " + slot + " is negative");
        }
        return slot;
    }

    private static int size(int value) throws ProtocolException {
        if (value < 0) {
            throw new ProtocolException("size " + value + " is negative");
        }
        return value;
    }

    private static <E extends Enum<E>> E ordinal(E[] values, int ordinal) throws ProtocolException {
        if (ordinal >= values.length) {
            throw new ProtocolException("unknown " + values[0].getDeclaringClass().getSimpleName() + " " + ordinal);
        }
        return values[ordinal];
    }

    private static PointerKind pointerKind(int ordinal) throws ProtocolException {
        PointerKind[] kinds = PointerKind.values();
        if (ordinal >= kinds.length) {
            throw new ProtocolException("unknown pointer kind " + ordinal);
        }
        return kinds[ordinal];
    }
}
