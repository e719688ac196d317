package dev.cellshell.host;

import dev.cellshell.runtime.ThemeTokens;
import dev.cellshell.runtime.PropValues;
import dev.cellshell.runtime.Recorder;
import dev.cellshell.ipc.HostMessage;
import dev.cellshell.ipc.HostMessage.Answer;
import dev.cellshell.ipc.HostMessage.Broadcast;
import dev.cellshell.ipc.HostMessage.CallContext;
import dev.cellshell.ipc.HostMessage.Close;
import dev.cellshell.ipc.HostMessage.Define;
import dev.cellshell.ipc.HostMessage.Done;
import dev.cellshell.ipc.HostMessage.Event;
import dev.cellshell.ipc.HostMessage.EventKind;
import dev.cellshell.ipc.HostMessage.Failed;
import dev.cellshell.ipc.HostMessage.Forget;
import dev.cellshell.ipc.HostMessage.Handled;
import dev.cellshell.ipc.HostMessage.Instantiate;
import dev.cellshell.ipc.HostMessage.ReadState;
import dev.cellshell.ipc.HostMessage.Render;
import dev.cellshell.ipc.HostMessage.Rendered;
import dev.cellshell.ipc.HostMessage.StateSnapshot;
import dev.cellshell.ipc.HostMessage.UseTheme;
import dev.cellshell.ipc.HostValues;
import dev.cellshell.livecompiler.Budget;
import dev.cellshell.livecompiler.GenerationLoader;
import dev.cellshell.widgets.Cell;
import dev.cellshell.widgets.CellContext;
import dev.cellshell.runtime.DisplayList;
import dev.cellshell.widgets.InputEvent;
import dev.cellshell.widgets.Props;
import dev.cellshell.widgets.Service;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.FontMetrics;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Text;
import dev.cellshell.widgets.TextStyle;
import dev.cellshell.widgets.Theme;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs cell code for the shell: defines generations (each in its own {@link GenerationLoader}, checked against the
 * sandbox), keeps the instances, and answers each request with one {@link Answer}. Every call into cell code runs
 * under the cooperative {@link Budget} and every {@link Throwable} stops here, turned into a {@link Failed} whose
 * text is built under the same budget and capped, because a cell's exception may misbehave in {@code toString}.
 * One thread only (the host's main thread, or the tissue thread when the shell runs an in-process host in tests).
 */
public final class CellRunner {

    /** How long one call into cell code may run before the cooperative budget stops it. */
    public static final long CELL_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** The longest error text a host sends. */
    public static final int MAX_ERROR_CHARS = 2_000;
    /** The largest display list one render may produce: more is the cell's fault, never a broken scene. */
    public static final int MAX_DISPLAY_LIST_BYTES = 12 * 1024 * 1024;
    /** The shortest delay a cell may ask for between renders (a floor on {@code renderAgainIn}). */
    public static final long MIN_RENDER_AGAIN_MILLIS = 15;

    private final ClassLoader parent;
    private final HostServices services;
    private final Map<Long, Loaded> generations = new HashMap<>();
    private final Map<Long, Live> instances = new LinkedHashMap<>();
    private Theme theme = ThemeTokens.none();
    /** Text measurement, made when a cell first asks (it loads Skia). */
    private Text text;

    private record Loaded(String type, long number, Constructor<? extends Cell> constructor) {
    }

    /** A cell instance and the display list it drew last (whose named hit regions name where input lands). */
    private static final class Live {
        private final String cellId;
        private final Loaded generation;
        private final Cell cell;
        /** The hit regions of what it drew last (not the list: a picture in it can be megabytes). */
        private List<DisplayList.HitRegion> regions = List.of();

        Live(String cellId, Loaded generation, Cell cell) {
            this.cellId = cellId;
            this.generation = generation;
            this.cell = cell;
        }

        String cellId() {
            return cellId;
        }

        Loaded generation() {
            return generation;
        }

        Cell cell() {
            return cell;
        }
    }

    /**
     * @param parent the loader of the Cell API (and of the budget) that generation loaders delegate to
     * @param channel how service calls reach the shell
     */
    public CellRunner(ClassLoader parent, HostServices.Channel channel) {
        this.parent = parent;
        this.services = new HostServices(channel);
    }

    /** Handles one request from the shell; never throws for anything cell code does. */
    public Answer handle(HostMessage request) {
        if (request instanceof UseTheme m) {
            theme = ThemeTokens.of(m.name(), m.tokens());
            return new Done(List.of(), -1);
        } else if (request instanceof Define m) {
            return define(m);
        } else if (request instanceof Instantiate m) {
            return instantiate(m);
        } else if (request instanceof Render m) {
            return render(m);
        } else if (request instanceof Event m) {
            return event(m);
        } else if (request instanceof Broadcast m) {
            return broadcast(m);
        } else if (request instanceof ReadState m) {
            return readState(m);
        } else if (request instanceof Close m) {
            return close(m);
        } else if (request instanceof Forget m) {
            generations.remove(m.generation());
            return new Done(List.of(), -1);
        }
        return new Failed("a cell host does not take " + request.getClass().getSimpleName());
    }

    private static Live carried(Live live, Loaded generation) {
        Live next = new Live(live.cellId(), generation, live.cell());
        next.regions = live.regions;
        return next;
    }

    /**
     * The cells' {@link Text}: Skia's shaper behind a wrapper that is only a {@code Text}, so cell code cannot cast it
     * to {@code AutoCloseable} and close what every cell of this host measures with.
     */
    private Text text() {
        if (text == null) {
            dev.cellshell.text.SkiaText skia = new dev.cellshell.text.SkiaText(
                    dev.cellshell.text.FontLibrary.shared());
            text = new Text() {
                @Override
                public FontMetrics metrics(TextStyle style) {
                    return skia.metrics(java.util.Objects.requireNonNull(style, "style"));
                }

                @Override
                public float measure(String s, TextStyle style) {
                    return skia.measure(java.util.Objects.requireNonNull(s, "text"),
                            java.util.Objects.requireNonNull(style, "style"));
                }

                @Override
                public Paragraph layout(String s, TextStyle style, float maxWidth, Align align, int maxLines) {
                    return skia.layout(java.util.Objects.requireNonNull(s, "text"),
                            java.util.Objects.requireNonNull(style, "style"), maxWidth,
                            java.util.Objects.requireNonNull(align, "align"), maxLines);
                }

                @Override
                public int offsetAt(String s, TextStyle style, float x) {
                    return skia.offsetAt(java.util.Objects.requireNonNull(s, "text"),
                            java.util.Objects.requireNonNull(style, "style"), x);
                }
            };
        }
        return text;
    }

    /** The class loader of an instance's generation (leak tests of the in-process host), or {@code null}. */
    public ClassLoader loaderOf(long instance) {
        Live live = instances.get(instance);
        return live == null ? null : live.cell().getClass().getClassLoader();
    }

    /**
     * The in-place tier: redefines generation {@code running}'s classes with {@code classes} (method bodies only) and
     * lets {@code next} name the same classes; when not done, says why and nothing changed.
     */
    public GenerationLoader.Redefinition redefine(long running, long next, Map<String, byte[]> classes,
            java.lang.instrument.Instrumentation instrumentation) {
        Loaded loaded = generations.get(running);
        if (loaded == null) {
            return new GenerationLoader.Redefinition(false, "generation " + running + " is not defined here");
        }
        GenerationLoader loader = (GenerationLoader) loaded.constructor().getDeclaringClass().getClassLoader();
        GenerationLoader.Redefinition done = loader.redefine(classes, instrumentation);
        if (done.done()) {
            generations.put(next, new Loaded(loaded.type(), next, loaded.constructor()));
            instances.replaceAll((id, live) -> live.generation() == loaded
                    ? carried(live, generations.get(next)) : live);
        }
        return done;
    }

    private Answer define(Define m) {
        GenerationLoader loader;
        try {
            loader = new GenerationLoader(m.type(), m.generation(), m.classes(), parent);
        } catch (SecurityException e) {
            return new Failed(cap(e.getMessage()));
        }
        Class<?> loaded;
        try {
            loaded = loader.loadClass(m.type());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Failed("the source defines no class named " + m.type() + " (the cell type's name): "
                    + cap(String.valueOf(e.getMessage())));
        }
        if (!Cell.class.isAssignableFrom(loaded)) {
            return new Failed("class " + m.type() + " does not implement dev.cellshell.widgets.Cell");
        }
        try {
            Constructor<? extends Cell> constructor = loaded.asSubclass(Cell.class).getDeclaredConstructor();
            constructor.setAccessible(true);
            generations.put(m.generation(), new Loaded(m.type(), m.generation(), constructor));
            return new Done(List.of(), -1);
        } catch (NoSuchMethodException e) {
            return new Failed("class " + m.type() + " needs a constructor without parameters");
        } catch (LinkageError e) {
            return new Failed("class " + m.type() + " cannot be linked: " + cap(String.valueOf(e.getMessage())));
        }
    }

    private Answer instantiate(Instantiate m) {
        Loaded generation = generations.get(m.generation());
        if (generation == null) {
            return new Failed("constructor (generation " + m.generation() + " is not defined in this host)");
        }
        List<String> notes = new ArrayList<>();
        Map<String, StateCarrier.Value> state = new LinkedHashMap<>();
        Live from = m.carryFrom() == 0 ? null : instances.get(m.carryFrom());
        if (from != null) {
            state.putAll(StateCarrier.read(from.cell(), notes));
        } else {
            m.state().forEach((name, value) -> state.put(name,
                    new StateCarrier.Value(value == null ? "null" : value.getClass().getName(), value)));
        }
        Cell[] fresh = new Cell[1];
        Failed failed = supervised(m.cellId(), "constructor", () -> fresh[0] = construct(generation));
        if (failed != null) {
            return failed;
        }
        StateCarrier.Report carried;
        try {
            carried = StateCarrier.carry(state, m.previousGeneration(), fresh[0]);
        } catch (RuntimeException e) {
            return new Failed("state (" + cap(e.toString()) + ")");
        }
        notes.addAll(carried.notes());
        if (m.previousGeneration() != 0) {
            failed = supervised(m.cellId(), "onReload", () -> fresh[0].onReload(carried.previous()));
            if (failed != null) {
                return failed;
            }
        }
        instances.put(m.instance(), new Live(m.cellId(), generation, fresh[0]));
        return new Done(notes, -1);
    }

    private static Cell construct(Loaded generation) {
        try {
            return generation.constructor().newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ConstructorFailed(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + generation.type() + ": " + e);
        }
    }

    /** What a constructor threw, unwrapped from reflection so the report names the cell's own exception. */
    private static final class ConstructorFailed extends RuntimeException {
        ConstructorFailed(Throwable cause) {
            super(null, cause, false, false);
        }
    }

    private Answer render(Render m) {
        Live live = instances.get(m.instance());
        if (live == null) {
            return new Failed("render (no instance " + m.instance() + " in this host)");
        }
        Context context = new Context(live, m.context());
        Object drawn = draw(live, context);
        return drawn instanceof Failed failed ? failed : new Rendered((byte[]) drawn, context.againIn);
    }

    /** The cell's drawing as display-list bytes, or what failed. */
    private static Object draw(Live live, Context context) {
        DisplayList[] list = new DisplayList[1];
        Failed failed = supervised(live.cellId(), "render", () -> {
            Recorder recorder = new Recorder();
            live.cell().render(recorder, context);
            list[0] = recorder.finish();
        });
        if (failed != null) {
            return failed;
        }
        byte[] bytes = list[0].bytes();
        live.regions = list[0].hitRegions();
        if (bytes.length > MAX_DISPLAY_LIST_BYTES) {
            return new Failed("render (drew a display list of " + bytes.length + " bytes; a cell may draw at most "
                    + MAX_DISPLAY_LIST_BYTES + ")");
        }
        return bytes;
    }

    /** After input or a broadcast: drawn again at once when the cell asked, with its state. */
    private static Answer handled(Live live, Context context, boolean dirty) {
        byte[] bytes = new byte[0];
        if (dirty) {
            Object drawn = draw(live, context);
            if (drawn instanceof Failed failed) {
                return failed;
            }
            bytes = (byte[]) drawn;
        }
        return new Handled(dirty, context.againIn, storable(live, new ArrayList<>()), bytes);
    }

    private Answer event(Event m) {
        Live live = instances.get(m.instance());
        if (live == null) {
            return new Failed("onEvent (no instance " + m.instance() + " in this host)");
        }
        if (m.kind() < 0 || m.kind() >= EventKind.values().length) {
            return new Failed("onEvent (unknown event kind " + m.kind() + ")");
        }
        InputEvent event = switch (EventKind.values()[m.kind()]) {
            case SCROLL -> new InputEvent.Scroll(m.x(), m.y(), m.dx(), m.dy(), m.modifiers());
            case KEY_PRESS, KEY_RELEASE -> new InputEvent.Key(m.kind() == EventKind.KEY_PRESS.ordinal(),
                    m.keyCode(), m.text(), m.modifiers());
            case TEXT -> new InputEvent.Text(m.text());
            case FOCUS_GAINED -> new InputEvent.Focus(true);
            case FOCUS_LOST -> new InputEvent.Focus(false);
            default -> new InputEvent.Pointer(InputEvent.Pointer.Kind.values()[m.kind()], m.x(), m.y(), m.button(),
                    m.modifiers(), DisplayList.regionAt(live.regions, m.x(), m.y()));
        };
        Context context = new Context(live, m.context());
        boolean[] dirty = {false};
        Failed failed = supervised(live.cellId(), "onEvent", () -> {
            dirty[0] = live.cell().onEvent(event, context);
            if (!dirty[0] && event instanceof InputEvent.Text typed) {
                // cells written before InputEvent.Text read typed characters from a Key without a key code
                dirty[0] = live.cell().onEvent(new InputEvent.Key(true, 0, typed.text(), 0), context);
            }
        });
        return failed != null ? failed : handled(live, context, dirty[0]);
    }

    private Answer broadcast(Broadcast m) {
        Live live = instances.get(m.instance());
        if (live == null) {
            return new Failed("onBroadcast (no instance " + m.instance() + " in this host)");
        }
        Context context = new Context(live, m.context());
        boolean[] dirty = {false};
        Failed failed = supervised(live.cellId(), "onBroadcast", () ->
                dirty[0] = live.cell().onBroadcast(m.topic(), m.value(), context));
        return failed != null ? failed : handled(live, context, dirty[0]);
    }

    private Answer readState(ReadState m) {
        Live live = instances.get(m.instance());
        if (live == null) {
            return new StateSnapshot(Map.of(), List.of());
        }
        List<String> notes = new ArrayList<>();
        return new StateSnapshot(storable(live, notes), notes);
    }

    /** The instance's {@code @State} values that may leave the host (and be saved); notes say what was left out. */
    private static Map<String, Object> storable(Live live, List<String> notes) {
        Map<String, Object> state = new LinkedHashMap<>();
        StateCarrier.read(live.cell(), notes).forEach((name, value) -> {
            if (HostValues.isValue(value.value()) && !(value.value() instanceof Map)) {
                state.put(name, value.value());
            } else {
                notes.add("state field " + name + " holds a " + value.value().getClass().getName()
                        + ": not saved (only numbers, text, booleans and byte/int arrays are)");
            }
        });
        return state;
    }

    private Answer close(Close m) {
        Live live = instances.remove(m.instance());
        if (live == null) {
            return new Done(List.of(), -1);
        }
        Failed failed = supervised(live.cellId(), "close", live.cell()::close);
        return failed != null ? failed : new Done(List.of(), -1);
    }

    /**
     * Runs cell code under its budget. Returns {@code null} when it returned normally, else what failed, described
     * while the budget is still armed (a misbehaving {@code toString} is stopped like any cell code).
     */
    private static Failed supervised(String cellId, String phase, Runnable cellCode) {
        Budget.arm(CELL_BUDGET_NANOS, "cell '" + cellId + "' " + phase);
        try {
            cellCode.run();
            return null;
        } catch (Throwable thrown) {
            return new Failed(describe(phase, thrown));
        } finally {
            Budget.disarm();
        }
    }

    /** {@code phase (what happened)}, at most {@link #MAX_ERROR_CHARS} long; never throws. */
    static String describe(String phase, Throwable thrown) {
        Throwable cause = thrown instanceof ConstructorFailed && thrown.getCause() != null ? thrown.getCause()
                : thrown;
        String what;
        try {
            if (cause instanceof Budget.CellTimeout) {
                what = "stopped: " + cause.getMessage();
            } else if (cause instanceof OutOfMemoryError) {
                what = "ran out of memory: " + cause.getMessage();
            } else {
                what = "threw " + cause;
            }
        } catch (Throwable describing) {
            what = "threw " + cause.getClass().getName() + " (describing it failed with "
                    + describing.getClass().getName() + ")";
        }
        return cap(phase + " (" + what + ")");
    }

    static String cap(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }

    /** What a cell sees during one call; remembers the delay it asked for. */
    private final class Context implements CellContext {
        private final Live live;
        private final CallContext call;
        private final Props props;
        long againIn = -1;

        Context(Live live, CallContext call) {
            this.live = live;
            this.call = call;
            this.props = PropValues.of(call.props());
        }

        @Override
        public String cellId() {
            return call.cellId();
        }

        @Override
        public float width() {
            return call.width();
        }

        @Override
        public float height() {
            return call.height();
        }

        @Override
        public Props props() {
            return props;
        }

        @Override
        public Text text() {
            return CellRunner.this.text();
        }

        @Override
        public Theme theme() {
            return theme;
        }

        @Override
        public Instant now() {
            return Instant.ofEpochSecond(call.epochSecond(), call.nano());
        }

        @Override
        public void renderAgainIn(long millis) {
            long wanted = Math.max(MIN_RENDER_AGAIN_MILLIS, millis);
            againIn = againIn < 0 ? wanted : Math.min(againIn, wanted);
        }

        @Override
        public <T extends Service> T service(Class<T> type) {
            return services.forCell(live.cellId(), live.cell().getClass(), type);
        }
    }
}
