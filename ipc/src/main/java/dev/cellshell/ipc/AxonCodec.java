package dev.cellshell.ipc;

import dev.cellshell.ipc.AxonMessage.Call;
import dev.cellshell.ipc.AxonMessage.DefineSource;
import dev.cellshell.ipc.AxonMessage.Gone;
import dev.cellshell.ipc.AxonMessage.Open;
import dev.cellshell.ipc.AxonMessage.PairReply;
import dev.cellshell.ipc.AxonMessage.PairRequest;
import dev.cellshell.ipc.AxonMessage.Ping;
import dev.cellshell.ipc.AxonMessage.Pong;
import dev.cellshell.ipc.AxonMessage.Reply;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link AxonMessage}s as frames (the same framing and checks as every other message of ours). */
public final class AxonCodec implements Codec<AxonMessage> {

    private static final int PAIR = 1;
    private static final int PAIR_REPLY = 2;
    private static final int PING = 3;
    private static final int PONG = 4;
    private static final int OPEN = 5;
    private static final int CALL = 6;
    private static final int DEFINE_SOURCE = 7;
    private static final int REPLY = 8;
    private static final int GONE = 9;

    @Override
    public byte[] encode(AxonMessage message) {
        WireOut out = new WireOut();
        int tag;
        if (message instanceof PairRequest m) {
            out.str(m.name()).bytes(m.proof());
            tag = PAIR;
        } else if (message instanceof PairReply m) {
            out.bool(m.accepted()).str(m.name()).bytes(m.proof()).str(m.why());
            tag = PAIR_REPLY;
        } else if (message instanceof Ping m) {
            out.i64(m.sentNanos());
            tag = PING;
        } else if (message instanceof Pong m) {
            out.i64(m.sentNanos()).str(m.name()).i32(m.cells().size());
            m.cells().forEach(out::str);
            tag = PONG;
        } else if (message instanceof Open m) {
            out.str(m.host());
            tag = OPEN;
        } else if (message instanceof Call m) {
            out.i64(m.sequence()).str(m.cellId()).bytes(m.request());
            tag = CALL;
        } else if (message instanceof DefineSource m) {
            out.i64(m.sequence()).i64(m.generation()).str(m.type()).i32(m.sources().size());
            new java.util.TreeMap<>(m.sources()).forEach((name, text) -> out.str(name).str(text));
            tag = DEFINE_SOURCE;
        } else if (message instanceof Reply m) {
            out.i64(m.sequence()).bytes(m.answer()).i64(m.instance()).i32(m.prefix()).i32(m.suffix());
            tag = REPLY;
        } else if (message instanceof Gone m) {
            out.str(m.why()).bool(m.cellsFault());
            tag = GONE;
        } else {
            throw new IllegalArgumentException("not an axon message: " + message);
        }
        return Frames.encode(tag, out.toByteArray());
    }

    /** Decodes one whole frame (length prefix included), as it came off the network. */
    public AxonMessage decode(byte[] frame) throws ProtocolException {
        return decode(Frames.decode(ByteBuffer.wrap(frame)));
    }

    @Override
    public AxonMessage decode(Frames.Frame frame) throws ProtocolException {
        WireIn in = new WireIn(frame.payload());
        AxonMessage message = switch (frame.tag()) {
            case PAIR -> new PairRequest(in.str(), in.bytes());
            case PAIR_REPLY -> new PairReply(in.bool(), in.str(), in.bytes(), in.str());
            case PING -> new Ping(in.i64());
            case PONG -> {
                long sent = in.i64();
                String name = in.str();
                int n = in.count(4);
                List<String> cells = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    cells.add(in.str());
                }
                yield new Pong(sent, name, cells);
            }
            case OPEN -> new Open(in.str());
            case CALL -> new Call(in.i64(), in.str(), in.bytes());
            case DEFINE_SOURCE -> {
                long sequence = in.i64();
                long generation = in.i64();
                String type = in.str();
                int n = in.count(8);
                Map<String, String> sources = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    sources.put(in.str(), in.str());
                }
                yield new DefineSource(sequence, generation, type, sources);
            }
            case REPLY -> new Reply(in.i64(), in.bytes(), in.i64(), in.i32(), in.i32());
            case GONE -> new Gone(in.str(), in.bool());
            default -> throw new ProtocolException("unknown axon message tag " + frame.tag());
        };
        in.end();
        return message;
    }
}
