package dev.cellshell.ipc;

import dev.cellshell.ipc.ControlMessage.CellStatus;
import dev.cellshell.ipc.ControlMessage.ClickReply;
import dev.cellshell.ipc.ControlMessage.ClickRequest;
import dev.cellshell.ipc.ControlMessage.Failure;
import dev.cellshell.ipc.ControlMessage.Problem;
import dev.cellshell.ipc.ControlMessage.ShotReply;
import dev.cellshell.ipc.ControlMessage.ShotRequest;
import dev.cellshell.ipc.ControlMessage.StatusReply;
import dev.cellshell.ipc.ControlMessage.StatusRequest;
import dev.cellshell.ipc.ControlMessage.SwapReply;
import dev.cellshell.ipc.ControlMessage.SwapRequest;
import java.util.ArrayList;
import java.util.List;

final class ControlCodec implements Codec<ControlMessage> {

    private static final int SWAP = 1;
    private static final int SWAP_REPLY = 2;
    private static final int SHOT = 3;
    private static final int SHOT_REPLY = 4;
    private static final int STATUS = 5;
    private static final int STATUS_REPLY = 6;
    private static final int FAILURE = 7;
    private static final int CLICK = 8;
    private static final int CLICK_REPLY = 9;
    private static final int HISTORY = 10;
    private static final int CHANGE = 11;
    private static final int CHANGE_REPLY = 12;
    private static final int STATS = 13;
    private static final int STATS_REPLY = 14;
    private static final int OVERLAY = 15;
    private static final int OVERLAY_REPLY = 16;
    private static final int ASK = 17;
    private static final int ASK_REPLY = 18;
    private static final int SURFACES = 19;
    private static final int SURFACES_REPLY = 20;
    private static final int COMMAND = 21;
    private static final int COMMAND_REPLY = 22;
    private static final int NODE = 23;

    @Override
    public byte[] encode(ControlMessage message) {
        WireOut out = new WireOut();
        int tag;
        if (message instanceof SwapRequest s) {
            out.str(s.cellId()).str(s.fileName()).str(s.source());
            tag = SWAP;
        } else if (message instanceof SwapReply r) {
            out.bool(r.swapped()).str(r.cellId()).i64(r.generation()).i32(r.problems().size());
            for (Problem p : r.problems()) {
                out.str(p.file()).i32(p.line()).i32(p.column()).bool(p.error()).str(p.message()).str(p.excerpt());
            }
            out.i32(r.notes().size());
            r.notes().forEach(out::str);
            out.i64(r.compileNanos()).i64(r.editToPixelNanos());
            tag = SWAP_REPLY;
        } else if (message instanceof ShotRequest s) {
            tag = SHOT;
        } else if (message instanceof ShotReply s) {
            out.i64(s.sceneVersion()).bytes(s.png());
            tag = SHOT_REPLY;
        } else if (message instanceof StatusRequest s) {
            tag = STATUS;
        } else if (message instanceof ControlMessage.SurfacesRequest s) {
            tag = SURFACES;
        } else if (message instanceof ControlMessage.SurfacesReply s) {
            SceneCodec.writeSurfaces(out, s.surfaces());
            SceneCodec.writeMonitors(out, s.monitors());
            out.i32(s.cells().size());
            new java.util.TreeMap<>(s.cells()).forEach((k, v) -> out.str(k).i32(v));
            tag = SURFACES_REPLY;
        } else if (message instanceof StatusReply s) {
            out.i64(s.pid()).str(s.workspace()).i64(s.presentedScene()).str(s.renderer()).i32(s.cells().size());
            for (CellStatus c : s.cells()) {
                out.str(c.cellId()).str(c.cellType()).i64(c.generation())
                        .f32(c.x()).f32(c.y()).f32(c.width()).f32(c.height()).str(c.state());
                writeMap(out, c.props());
                out.str(c.health()).str(c.lastError()).str(c.isolation());
                writeMap(out, c.terminal());
                writeMap(out, c.services());
            }
            tag = STATUS_REPLY;
        } else if (message instanceof ClickRequest c) {
            out.f32(c.x()).f32(c.y());
            tag = CLICK;
        } else if (message instanceof ControlMessage.ChangeRequest c) {
            out.str(c.verb()).str(c.cellId()).str(c.type()).str(c.anchor()).f32(c.margin()).f32(c.width())
                    .f32(c.height()).i32(c.props().size());
            new java.util.TreeMap<>(c.props()).forEach((k, v) -> out.str(k).str(v));
            out.str(c.parent()).str(c.isolation()).str(c.surface());
            tag = CHANGE;
        } else if (message instanceof ControlMessage.ChangeReply c) {
            out.bool(c.done()).str(c.cellId()).str(c.message());
            tag = CHANGE_REPLY;
        } else if (message instanceof ControlMessage.HistoryRequest h) {
            out.str(h.verb()).str(h.cellId()).i64(h.generation());
            tag = HISTORY;
        } else if (message instanceof ClickReply c) {
            out.str(c.cellId());
            tag = CLICK_REPLY;
        } else if (message instanceof ControlMessage.AskRequest a) {
            out.str(a.request()).bool(a.dryRun()).bool(a.useModel()).bool(a.confirmed());
            tag = ASK;
        } else if (message instanceof ControlMessage.AskReply a) {
            out.bool(a.understood()).bool(a.applied()).str(a.message()).str(a.planJson()).i64(a.editToPixelNanos())
                    .bool(a.needsConfirmation());
            tag = ASK_REPLY;
        } else if (message instanceof ControlMessage.StatsRequest s) {
            tag = STATS;
        } else if (message instanceof ControlMessage.StatsReply r) {
            SceneCodec.writeStats(out.str(r.renderer()), r.stats());
            out.i64(Double.doubleToLongBits(r.inputP50Ms())).i64(Double.doubleToLongBits(r.inputP95Ms()))
                    .i32(r.inputSamples());
            tag = STATS_REPLY;
        } else if (message instanceof ControlMessage.OverlayRequest o) {
            out.str(o.inspect()).str(o.stats()).str(o.select());
            tag = OVERLAY;
        } else if (message instanceof ControlMessage.OverlayReply o) {
            out.bool(o.inspect()).bool(o.stats()).str(o.selected());
            tag = OVERLAY_REPLY;
        } else if (message instanceof ControlMessage.CommandRequest c) {
            out.i32(c.args().size());
            c.args().forEach(out::str);
            out.str(c.cwd());
            tag = COMMAND;
        } else if (message instanceof ControlMessage.NodeRequest n) {
            out.str(n.verb()).i32(n.args().size());
            n.args().forEach(out::str);
            tag = NODE;
        } else if (message instanceof ControlMessage.CommandReply c) {
            out.i32(c.exit()).str(c.out()).str(c.err());
            tag = COMMAND_REPLY;
        } else if (message instanceof Failure f) {
            out.str(f.message());
            tag = FAILURE;
        } else {
            throw new IllegalArgumentException("not a message of this protocol: " + message);
        }
        return Frames.encode(tag, out.toByteArray());
    }

    @Override
    public ControlMessage decode(Frames.Frame frame) throws ProtocolException {
        WireIn in = new WireIn(frame.payload());
        ControlMessage message = switch (frame.tag()) {
            case SWAP -> new SwapRequest(in.str(), in.str(), in.str());
            case SWAP_REPLY -> {
                boolean swapped = in.bool();
                String cellId = in.str();
                long generation = in.i64();
                int count = in.count(4 + 4 + 4 + 1 + 4 + 4);
                List<Problem> problems = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    problems.add(new Problem(in.str(), in.i32(), in.i32(), in.bool(), in.str(), in.str()));
                }
                int noteCount = in.count(4);
                List<String> notes = new ArrayList<>(noteCount);
                for (int i = 0; i < noteCount; i++) {
                    notes.add(in.str());
                }
                yield new SwapReply(swapped, cellId, generation, problems, notes, in.i64(), in.i64());
            }
            case SHOT -> new ShotRequest();
            case SHOT_REPLY -> new ShotReply(in.i64(), in.bytes());
            case STATUS -> new StatusRequest();
            case SURFACES -> new ControlMessage.SurfacesRequest();
            case SURFACES_REPLY -> {
                var surfaces = SceneCodec.readSurfaces(in);
                var monitors = SceneCodec.readMonitors(in);
                int count = in.count(8);
                java.util.Map<String, Integer> cells = new java.util.LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    cells.put(in.str(), in.i32());
                }
                yield new ControlMessage.SurfacesReply(surfaces, monitors, cells);
            }
            case STATUS_REPLY -> {
                long pid = in.i64();
                String workspace = in.str();
                long presented = in.i64();
                String renderer = in.str();
                int count = in.count(4 + 4 + 8 + 16 + 4 + 4 + 4 + 4);
                List<CellStatus> cells = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String id = in.str();
                    String type = in.str();
                    long generation = in.i64();
                    float x = in.f32();
                    float y = in.f32();
                    float w = in.f32();
                    float h = in.f32();
                    String state = in.str();
                    int propCount = in.count(8);
                    java.util.Map<String, String> props = readMap(in, propCount);
                    String health = in.str();
                    String lastError = in.str();
                    String isolation = in.str();
                    java.util.Map<String, String> terminal = readMap(in, in.count(8));
                    java.util.Map<String, String> services = readMap(in, in.count(8));
                    cells.add(new CellStatus(id, type, generation, x, y, w, h, state, props, health, lastError,
                            isolation, terminal, services));
                }
                yield new StatusReply(pid, workspace, presented, renderer, cells);
            }
            case FAILURE -> new Failure(in.str());
            case COMMAND -> {
                int count = in.count(4);
                List<String> args = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    args.add(in.str());
                }
                yield new ControlMessage.CommandRequest(args, in.str());
            }
            case COMMAND_REPLY -> new ControlMessage.CommandReply(in.i32(), in.str(), in.str());
            case NODE -> {
                String verb = in.str();
                int count = in.count(4);
                List<String> args = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    args.add(in.str());
                }
                yield new ControlMessage.NodeRequest(verb, args);
            }
            case ASK -> new ControlMessage.AskRequest(in.str(), in.bool(), in.bool(), in.bool());
            case ASK_REPLY -> new ControlMessage.AskReply(in.bool(), in.bool(), in.str(), in.str(), in.i64(), in.bool());
            case STATS -> new ControlMessage.StatsRequest();
            case STATS_REPLY -> new ControlMessage.StatsReply(in.str(), SceneCodec.readStats(in),
                    Double.longBitsToDouble(in.i64()), Double.longBitsToDouble(in.i64()), in.i32());
            case OVERLAY -> new ControlMessage.OverlayRequest(in.str(), in.str(), in.str());
            case OVERLAY_REPLY -> new ControlMessage.OverlayReply(in.bool(), in.bool(), in.str());
            case CLICK -> new ClickRequest(in.f32(), in.f32());
            case CLICK_REPLY -> new ClickReply(in.str());
            case HISTORY -> new ControlMessage.HistoryRequest(in.str(), in.str(), in.i64());
            case CHANGE -> {
                String verb = in.str();
                String cellId = in.str();
                String type = in.str();
                String anchor = in.str();
                float margin = in.f32();
                float width = in.f32();
                float height = in.f32();
                int count = in.count(8);
                java.util.Map<String, String> props = new java.util.LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    props.put(in.str(), in.str());
                }
                yield new ControlMessage.ChangeRequest(verb, cellId, type, anchor, margin, width, height, props,
                        in.str(), in.str(), in.str());
            }
            case CHANGE_REPLY -> new ControlMessage.ChangeReply(in.bool(), in.str(), in.str());
            default -> throw new ProtocolException("unknown control message tag " + frame.tag());
        };
        in.end();
        return message;
    }

    /** A string map: its size, then each key and value, sorted by key. */
    private static void writeMap(WireOut out, java.util.Map<String, String> map) {
        out.i32(map.size());
        new java.util.TreeMap<>(map).forEach((k, v) -> out.str(k).str(v));
    }

    private static java.util.Map<String, String> readMap(WireIn in, int count) throws ProtocolException {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(in.str(), in.str());
        }
        return map;
    }
}
