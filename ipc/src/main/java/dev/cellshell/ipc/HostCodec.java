package dev.cellshell.ipc;

import dev.cellshell.ipc.HostMessage.Broadcast;
import dev.cellshell.ipc.HostMessage.CallContext;
import dev.cellshell.ipc.HostMessage.Close;
import dev.cellshell.ipc.HostMessage.Define;
import dev.cellshell.ipc.HostMessage.Done;
import dev.cellshell.ipc.HostMessage.Event;
import dev.cellshell.ipc.HostMessage.Failed;
import dev.cellshell.ipc.HostMessage.Forget;
import dev.cellshell.ipc.HostMessage.Handled;
import dev.cellshell.ipc.HostMessage.Hello;
import dev.cellshell.ipc.HostMessage.Instantiate;
import dev.cellshell.ipc.HostMessage.ReadState;
import dev.cellshell.ipc.HostMessage.Render;
import dev.cellshell.ipc.HostMessage.Rendered;
import dev.cellshell.ipc.HostMessage.ServiceCall;
import dev.cellshell.ipc.HostMessage.ServiceReply;
import dev.cellshell.ipc.HostMessage.StateSnapshot;
import dev.cellshell.ipc.HostMessage.UseTheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link HostMessage}s as frames; every length and count is checked before anything is allocated. */
public final class HostCodec implements Codec<HostMessage> {

    private static final int USE_THEME = 1;
    private static final int DEFINE = 2;
    private static final int INSTANTIATE = 3;
    private static final int RENDER = 4;
    private static final int EVENT = 5;
    private static final int BROADCAST = 6;
    private static final int READ_STATE = 7;
    private static final int CLOSE = 8;
    private static final int FORGET = 9;
    private static final int SERVICE_REPLY = 10;
    private static final int HELLO = 20;
    private static final int SERVICE_CALL = 21;
    private static final int DONE = 22;
    private static final int FAILED = 23;
    private static final int RENDERED = 24;
    private static final int HANDLED = 25;
    private static final int STATE = 26;

    @Override
    public byte[] encode(HostMessage message) {
        WireOut out = new WireOut(message instanceof Rendered r ? r.displayList().length + 64
                : message instanceof Handled h ? h.displayList().length + 256 : 128);
        int tag;
        if (message instanceof UseTheme m) {
            out.str(m.name());
            strings(out, m.tokens());
            tag = USE_THEME;
        } else if (message instanceof Define m) {
            out.i64(m.generation()).str(m.type()).i32(m.classes().size());
            m.classes().forEach((name, bytes) -> out.str(name).bytes(bytes));
            strings(out, m.sources());
            tag = DEFINE;
        } else if (message instanceof Instantiate m) {
            out.i64(m.instance()).str(m.cellId()).i64(m.generation()).i64(m.carryFrom());
            values(out, m.state());
            out.i64(m.previousGeneration());
            tag = INSTANTIATE;
        } else if (message instanceof Render m) {
            out.i64(m.instance());
            context(out, m.context());
            tag = RENDER;
        } else if (message instanceof Event m) {
            out.i64(m.instance()).u8(m.kind()).f32(m.x()).f32(m.y()).f32(m.dx()).f32(m.dy()).i32(m.button())
                    .i32(m.modifiers()).i32(m.keyCode()).str(m.text());
            context(out, m.context());
            tag = EVENT;
        } else if (message instanceof Broadcast m) {
            out.i64(m.instance()).str(m.topic()).str(m.value());
            context(out, m.context());
            tag = BROADCAST;
        } else if (message instanceof ReadState m) {
            out.i64(m.instance());
            tag = READ_STATE;
        } else if (message instanceof Close m) {
            out.i64(m.instance());
            tag = CLOSE;
        } else if (message instanceof Forget m) {
            out.i64(m.generation());
            tag = FORGET;
        } else if (message instanceof ServiceReply m) {
            HostValues.write(out, m.value());
            out.str(m.error());
            tag = SERVICE_REPLY;
        } else if (message instanceof Hello m) {
            out.i64(m.pid()).i32(m.walls().size());
            m.walls().forEach(out::str);
            tag = HELLO;
        } else if (message instanceof ServiceCall m) {
            out.str(m.cellId()).str(m.service()).str(m.method()).i32(m.args().size());
            m.args().forEach(a -> HostValues.write(out, a));
            tag = SERVICE_CALL;
        } else if (message instanceof Done m) {
            out.i32(m.notes().size());
            m.notes().forEach(out::str);
            out.i64(m.againIn());
            tag = DONE;
        } else if (message instanceof Failed m) {
            out.str(m.error());
            tag = FAILED;
        } else if (message instanceof Rendered m) {
            out.bytes(m.displayList()).i64(m.againIn());
            tag = RENDERED;
        } else if (message instanceof Handled m) {
            out.bool(m.dirty()).i64(m.againIn());
            values(out, m.state());
            out.bytes(m.displayList());
            tag = HANDLED;
        } else if (message instanceof StateSnapshot m) {
            values(out, m.state());
            out.i32(m.notes().size());
            m.notes().forEach(out::str);
            tag = STATE;
        } else {
            throw new IllegalArgumentException("not a host message: " + message);
        }
        return Frames.encode(tag, out.toByteArray());
    }

    @Override
    public HostMessage decode(Frames.Frame frame) throws ProtocolException {
        WireIn in = new WireIn(frame.payload());
        HostMessage message = switch (frame.tag()) {
            case USE_THEME -> new UseTheme(in.str(), strings(in));
            case DEFINE -> {
                long generation = in.i64();
                String type = in.str();
                int n = in.count(8);
                Map<String, byte[]> classes = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    classes.put(in.str(), in.bytes());
                }
                yield new Define(generation, type, classes, strings(in));
            }
            case INSTANTIATE -> new Instantiate(in.i64(), in.str(), in.i64(), in.i64(), values(in), in.i64());
            case RENDER -> new Render(in.i64(), context(in));
            case EVENT -> {
                long instance = in.i64();
                int kind = in.u8();
                if (kind >= HostMessage.EventKind.values().length) {
                    throw new ProtocolException("unknown event kind " + kind);
                }
                yield new Event(instance, kind, in.f32(), in.f32(), in.f32(), in.f32(), in.i32(), in.i32(), in.i32(),
                        in.str(), context(in));
            }
            case BROADCAST -> new Broadcast(in.i64(), in.str(), in.str(), context(in));
            case READ_STATE -> new ReadState(in.i64());
            case CLOSE -> new Close(in.i64());
            case FORGET -> new Forget(in.i64());
            case SERVICE_REPLY -> new ServiceReply(HostValues.read(in), in.str());
            case HELLO -> new Hello(in.i64(), strs(in));
            case SERVICE_CALL -> {
                String cellId = in.str();
                String service = in.str();
                String method = in.str();
                int n = in.count(1);
                List<Object> args = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    args.add(HostValues.read(in));
                }
                yield new ServiceCall(cellId, service, method, java.util.Collections.unmodifiableList(args));
            }
            case DONE -> new Done(strs(in), in.i64());
            case FAILED -> new Failed(in.str());
            case RENDERED -> new Rendered(in.bytes(), in.i64());
            case HANDLED -> new Handled(in.bool(), in.i64(), values(in), in.bytes());
            case STATE -> new StateSnapshot(values(in), strs(in));
            default -> throw new ProtocolException("unknown host message tag " + frame.tag());
        };
        in.end();
        return message;
    }

    private static void context(WireOut out, CallContext c) {
        out.str(c.cellId()).f32(c.width()).f32(c.height());
        strings(out, c.props());
        out.i64(c.epochSecond()).i32(c.nano());
    }

    private static CallContext context(WireIn in) throws ProtocolException {
        return new CallContext(in.str(), in.f32(), in.f32(), strings(in), in.i64(), in.i32());
    }

    private static void strings(WireOut out, Map<String, String> map) {
        out.i32(map.size());
        map.forEach((k, v) -> out.str(k).str(v));
    }

    private static Map<String, String> strings(WireIn in) throws ProtocolException {
        int n = in.count(8);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(in.str(), in.str());
        }
        return map;
    }

    private static void values(WireOut out, Map<String, Object> map) {
        out.i32(map.size());
        map.forEach((k, v) -> {
            out.str(k);
            HostValues.write(out, v);
        });
    }

    private static Map<String, Object> values(WireIn in) throws ProtocolException {
        int n = in.count(5);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(in.str(), HostValues.read(in));
        }
        return map;
    }

    private static List<String> strs(WireIn in) throws ProtocolException {
        int n = in.count(4);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.str());
        }
        return list;
    }
}
