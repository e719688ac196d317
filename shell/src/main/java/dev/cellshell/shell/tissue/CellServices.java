package dev.cellshell.shell.tissue;

import dev.cellshell.shell.workspace.Anchor;
import dev.cellshell.shell.workspace.Workspace;
import dev.cellshell.widgets.Clipboard;
import dev.cellshell.widgets.Notifier;
import dev.cellshell.widgets.Service;
import dev.cellshell.widgets.Spawner;
import dev.cellshell.widgets.Storage;
import dev.cellshell.widgets.SystemStats;
import dev.cellshell.widgets.Uses;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services the shell hands to cells ({@link dev.cellshell.widgets.CellContext#service}): each cell gets only
 * those its class declares with {@link Uses}. Storage lives in {@code data/<cell id>.properties} in the workspace,
 * written atomically; spawning goes through the tissue's own operation (audited as {@code cell:<id>}); notifications
 * go to the log and the tissue's listeners. Called on the cell hosts' lanes, one call at a time (synchronized).
 */
final class CellServices {

    private static final Logger LOG = LoggerFactory.getLogger(CellServices.class);

    private final Workspace workspace;
    private final Tissue tissue;
    private final BiConsumer<String, String> notified;
    private final Map<String, Map<String, String>> stored = new HashMap<>();
    /** Caps that keep one cell from flooding the desktop or the disk. */
    static final int MAX_SPAWNS_PER_MINUTE = 5;
    static final int MAX_STORED_KEYS = 256;
    static final int MAX_STORED_CHARS = 64 * 1024;
    static final int MAX_MESSAGE_CHARS = 1_000;
    static final int MAX_CLIPBOARD_CHARS = 1 << 20;
    private final Map<String, java.util.ArrayDeque<Long>> spawns = new HashMap<>();
    /** The services the organelles answer. */
    private static final java.util.Set<Class<?>> ORGANELLES = java.util.Set.of(
            dev.cellshell.widgets.Notifications.class, dev.cellshell.widgets.Apps.class,
            dev.cellshell.widgets.Windows.class, dev.cellshell.widgets.Power.class, dev.cellshell.widgets.Network.class,
            dev.cellshell.widgets.Media.class, dev.cellshell.widgets.Tray.class);
    private volatile SystemStats stats = new HostStats();
    private volatile String clipboard = "";
    /** Where the bytes of a picture a cell asked for go (the compositor, before the scene that draws it). */
    private volatile java.util.function.BiConsumer<Long, byte[]> pictures = (key, bytes) -> { };
    private final dev.cellshell.widgets.Images images = new dev.cellshell.widgets.Images() {
        private static final long MAX_BYTES = 8L * 1024 * 1024;

        private java.nio.file.Path file(String name) {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._ -]*") || name.contains("..")) {
                throw new IllegalArgumentException("'" + name + "' is not a picture name in images/");
            }
            java.nio.file.Path path = workspace.root().resolve("images").resolve(name);
            try {
                if (!java.nio.file.Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("there is no picture images/" + name);
                }
                if (java.nio.file.Files.size(path) > MAX_BYTES) {
                    throw new IllegalArgumentException("images/" + name + " is larger than 8 MB");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("images/" + name + " cannot be read: " + e.getMessage(), e);
            }
            return path;
        }

        @Override
        public dev.cellshell.widgets.Picture picture(String name) {
            return pictureOfFile(name, "images/" + name, file(name));
        }

        @Override
        public byte[] read(String name) {
            try {
                return java.nio.file.Files.readAllBytes(file(name));
            } catch (IOException e) {
                throw new IllegalArgumentException("images/" + name + " cannot be read: " + e.getMessage(), e);
            }
        }

        @Override
        public int[] size(String name) {
            return dimensions("images/" + name, file(name).toFile());
        }
    };

    /**
     * A picture of {@code bytes} (PNG, JPEG, or SVG with a size or a viewBox), its bytes sent to the compositor.
     *
     * @param what names the picture in errors
     * @throws IllegalArgumentException when they are none of these
     */
    dev.cellshell.widgets.Picture pictureOf(String name, String what, byte[] bytes) {
        int[] wh = SvgSize.of(bytes);
        if (wh == null) {
            wh = dimensions(what, new java.io.ByteArrayInputStream(bytes));
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            long key = java.nio.ByteBuffer.wrap(digest).getLong();
            dev.cellshell.widgets.Picture picture = new dev.cellshell.widgets.Picture(name, key, wh[0], wh[1]);
            pictures.accept(key, bytes);
            return picture;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pictures read from files, by path, with the file's time and size when read (read again when either changes). */
    private final Map<java.nio.file.Path, Object[]> files = new HashMap<>();

    /**
     * The picture in {@code file}, read (and hashed) again only when its time or size changed: cells ask for their
     * icons and pictures on every render.
     */
    synchronized dev.cellshell.widgets.Picture pictureOfFile(String name, String what, java.nio.file.Path file) {
        try {
            long modified = java.nio.file.Files.getLastModifiedTime(file).toMillis();
            long length = java.nio.file.Files.size(file);
            Object[] seen = files.get(file);
            if (seen != null && (long) seen[0] == modified && (long) seen[1] == length
                    && ((dev.cellshell.widgets.Picture) seen[2]).name().equals(name)) {
                dev.cellshell.widgets.Picture picture = (dev.cellshell.widgets.Picture) seen[2];
                pictures.accept(picture.key(), (byte[]) seen[3]);
                return picture;
            }
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            dev.cellshell.widgets.Picture picture = pictureOf(name, what, bytes);
            if (files.size() > 256) {
                files.clear();
            }
            files.put(file, new Object[] {modified, length, picture, bytes});
            return picture;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** {width, height} of the picture {@code source} (a file or the bytes of one) holds. */
    private static int[] dimensions(String what, Object source) {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(source)) {
            var readers = in == null ? java.util.Collections.<javax.imageio.ImageReader>emptyIterator()
                    : javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException(what + " is not a PNG or JPEG picture");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The organelles' icons and artwork, as pictures. */
    private final dev.cellshell.shell.organelles.Organelles.Pictures organellePictures =
            new dev.cellshell.shell.organelles.Organelles.Pictures() {
                @Override
                public dev.cellshell.widgets.Picture of(String name, byte[] bytes) {
                    return pictureOf(name, name, bytes);
                }

                @Override
                public dev.cellshell.widgets.Picture ofFile(String name, java.nio.file.Path file) {
                    return pictureOfFile(name, name + " (" + file + ")", file);
                }
            };

    CellServices(Workspace workspace, Tissue tissue, BiConsumer<String, String> notified,
            dev.cellshell.shell.terminal.Terminals terminals) {
        this.workspace = workspace;
        this.tissue = tissue;
        this.notified = notified;
        this.terminals = terminals;
    }

    /** The programs of the cells that use {@link dev.cellshell.widgets.Pty}. */
    private final dev.cellshell.shell.terminal.Terminals terminals;

    void useSystemStats(SystemStats source) {
        stats = source;
    }

    /** Where the window manager's workspaces come from and where a switch goes (none until the shell says). */
    private volatile java.util.function.Supplier<dev.cellshell.ipc.SceneMessage.Workspaces> workspaces =
            () -> dev.cellshell.ipc.SceneMessage.Workspaces.NONE;
    private volatile java.util.function.IntConsumer switcher = index -> { };
    /** The organelles: notifications, apps, windows, power, network, media, tray (none until the shell says). */
    private volatile dev.cellshell.shell.organelles.Organelles organelles =
            dev.cellshell.shell.organelles.Organelles.none();

    void useOrganelles(dev.cellshell.shell.organelles.Organelles organelles) {
        this.organelles = organelles;
    }

    /** Why the service {@code simpleName} does not work now; empty when it does (those of the shell always do). */
    String unavailable(String simpleName) {
        String why = organelles.status().get(simpleName);
        if (why != null) {
            return why;
        }
        if (simpleName.equals("Workspaces") && workspaces.get().count() == 0) {
            return "the window manager has no workspaces (or there is none)";
        }
        return "";
    }

    void useWorkspaces(java.util.function.Supplier<dev.cellshell.ipc.SceneMessage.Workspaces> source,
            java.util.function.IntConsumer switchTo) {
        workspaces = source;
        switcher = switchTo;
    }

    /**
     * Answers a service call a cell host made for {@code cellId}, whose running generation declared {@code uses}
     * (simple names read from its class file): the method is looked up on the service's interface by name and
     * argument count, every argument must be text or an int.
     *
     * @throws IllegalStateException when the cell did not declare the service
     * @throws IllegalArgumentException when the call is not one of the service's methods, or the service refused
     */
    /** Sends the bytes of every picture a cell asks for to {@code sink}. */
    void sendPicturesTo(java.util.function.BiConsumer<Long, byte[]> sink) {
        pictures = sink;
    }

    synchronized Object answer(String cellId, java.util.Set<String> uses,
            dev.cellshell.ipc.HostMessage.ServiceCall call) {
        Class<? extends Service> type = dev.cellshell.host.HostServices.KNOWN.stream()
                .filter(t -> t.getSimpleName().equals(call.service())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + call.service()));
        Service service = forCell(cellId, uses, type);
        java.lang.reflect.Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(call.method()) && m.getParameterCount() == call.args().size())
                .findFirst().orElseThrow(() -> new IllegalArgumentException(call.service() + " has no method "
                        + call.method() + " with " + call.args().size() + " arguments"));
        for (Object arg : call.args()) {
            if (arg != null && !(arg instanceof String) && !(arg instanceof Integer)) {
                throw new IllegalArgumentException(call.service() + "." + call.method()
                        + " takes text and whole-number arguments");
            }
        }
        try {
            Object answer = method.invoke(service, call.args().toArray());
            // a Picture crosses to the host as text and a TerminalScreen as checked ints; HostServices makes them again
            if (answer instanceof dev.cellshell.widgets.TerminalScreen screen) {
                return dev.cellshell.runtime.TerminalScreens.encode(screen);
            }
            if (answer != null && dev.cellshell.runtime.ServiceValues.crossesAsBytes(method.getReturnType())) {
                return dev.cellshell.runtime.ServiceValues.encode(answer); // records of the API, lists of them
            }
            return answer instanceof dev.cellshell.widgets.Picture p ? Map.of("name", p.name(), "key",
                    Long.toString(p.key()), "width", Integer.toString(p.width()), "height",
                    Integer.toString(p.height())) : answer;
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalArgumentException(String.valueOf(cause));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tells the person {@code text} from {@code cellId}: the log, a notification, the tissue's listeners. */
    synchronized void notice(String cellId, String text) {
        String capped = text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
        LOG.info("cell '{}' says: {}", cellId, capped);
        notified.accept(cellId, capped);
        organelles.notice(cellId, capped);
    }

    /** @throws IllegalStateException when the cell's generation does not declare {@code type} in its {@link Uses} */
    <T extends Service> T forCell(String cellId, java.util.Set<String> uses, Class<T> type) {
        if (!uses.contains(type.getSimpleName())) {
            throw new IllegalStateException("cell '" + cellId + "' asked for " + type.getSimpleName()
                    + " without declaring it: add @Uses(" + type.getSimpleName() + ".class) to its class");
        }
        Service service;
        if (type == Storage.class) {
            service = storage(cellId);
        } else if (type == SystemStats.class) {
            service = stats;
        } else if (type == Spawner.class) {
            service = (Spawner) (cellType, anchor) -> {
                java.util.ArrayDeque<Long> recent = spawns.computeIfAbsent(cellId, id -> new java.util.ArrayDeque<>());
                long now = System.nanoTime();
                while (!recent.isEmpty() && now - recent.peekFirst() > java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
                    recent.removeFirst();
                }
                if (recent.size() >= MAX_SPAWNS_PER_MINUTE) {
                    throw new IllegalStateException("cell '" + cellId + "' spawned " + MAX_SPAWNS_PER_MINUTE
                            + " cells in the last minute: no more for now");
                }
                recent.addLast(now);
                tissue.spawn(cellType, "", Anchor.of(anchor), 24, null, Map.of(), "cell:" + cellId)
                        .whenComplete((change, error) -> LOG.info("cell '{}' spawned {}: {}", cellId, cellType,
                                error != null ? error.toString() : change.message()));
            };
        } else if (type == Notifier.class) {
            service = (Notifier) message -> notice(cellId, String.valueOf(message));
        } else if (type == dev.cellshell.widgets.Pty.class) {
            service = terminals.forCell(cellId);
        } else if (ORGANELLES.contains(type)) {
            service = organelles.service(cellId, type, organellePictures);
        } else if (type == dev.cellshell.widgets.Workspaces.class) {
            service = new dev.cellshell.widgets.Workspaces() {
                @Override
                public int count() {
                    return workspaces.get().count();
                }

                @Override
                public int current() {
                    return workspaces.get().current();
                }

                @Override
                public String name(int index) {
                    var now = workspaces.get();
                    return index >= 0 && index < now.names().size() && !now.names().get(index).isBlank()
                            ? now.names().get(index) : Integer.toString(index + 1);
                }

                @Override
                public void switchTo(int index) {
                    if (index >= 0 && index < workspaces.get().count()) {
                        LOG.info("cell '{}' switches to workspace {}", cellId, index + 1);
                        switcher.accept(index);
                    }
                }
            };
        } else if (type == dev.cellshell.widgets.Images.class) {
            service = images;
        } else if (type == Clipboard.class) {
            service = new Clipboard() {
                @Override
                public String text() {
                    return clipboard;
                }

                @Override
                public void setText(String text) {
                    if (text != null && text.length() > MAX_CLIPBOARD_CHARS) {
                        throw new IllegalArgumentException("at most " + MAX_CLIPBOARD_CHARS + " characters fit the "
                                + "clipboard, not " + text.length());
                    }
                    clipboard = text == null ? "" : text;
                }
            };
        } else {
            throw new IllegalStateException("no service " + type.getName());
        }
        return type.cast(service);
    }

    private Storage storage(String cellId) {
        Map<String, String> values = stored.computeIfAbsent(cellId, this::load);
        return new Storage() {
            @Override
            public String get(String key, String fallback) {
                return values.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                if (value == null || value.isEmpty()) {
                    values.remove(key);
                } else {
                    if (key == null || key.length() > 200 || value.length() > MAX_STORED_CHARS) {
                        throw new IllegalArgumentException("a stored key is at most 200 characters and a value at "
                                + "most " + MAX_STORED_CHARS);
                    }
                    if (!values.containsKey(key) && values.size() >= MAX_STORED_KEYS) {
                        throw new IllegalArgumentException("a cell stores at most " + MAX_STORED_KEYS + " keys");
                    }
                    values.put(key, value);
                }
                save(cellId, values);
            }

            @Override
            public Map<String, String> all() {
                return Map.copyOf(values);
            }
        };
    }

    private Map<String, String> load(String cellId) {
        Map<String, String> values = new TreeMap<>();
        try {
            String text = workspace.readData(cellId);
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("cell '{}': its storage data/{}.properties cannot be read ({}); it starts empty", cellId,
                    cellId, e.toString());
        }
        return values;
    }

    private void save(String cellId, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "storage of cell " + cellId);
            workspace.writeData(cellId, text.toString());
        } catch (IOException e) {
            LOG.error("cell '{}': storage not saved: {}", cellId, e.toString());
        }
    }

    /** The machine the shell runs on. */
    private static final class HostStats implements SystemStats {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        @Override
        public double cpuLoad() {
            double load = os.getCpuLoad();
            return load < 0 ? 0 : load;
        }

        /** Total minus what Linux says is available (free memory alone would count the page cache as used). */
        @Override
        public long memoryUsed() {
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemAvailable:")) {
                        return os.getTotalMemorySize() - Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException notLinux) {
                // Fall back to the JVM's view below.
            }
            return os.getTotalMemorySize() - os.getFreeMemorySize();
        }

        @Override
        public long memoryTotal() {
            return os.getTotalMemorySize();
        }

        @Override
        public int processors() {
            return os.getAvailableProcessors();
        }
    }
}
