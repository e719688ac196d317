package dev.cellshell.organelles.apps;

import dev.cellshell.organelles.Changes;
import dev.cellshell.widgets.App;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed applications: every {@code .desktop} file under {@code applications/} of
 * {@code $XDG_DATA_HOME} and each {@code $XDG_DATA_DIRS} (the first of an id wins, so the person's own entries
 * override the system's), read on a thread of its own at start and again when a folder changes; search; the icons;
 * launching; and which were started when and how often (kept in a file of the workspace).
 */
public final class AppCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppCatalog.class);
    static final int MAX_ENTRIES = 5_000;

    private record Usage(int count, long lastMillis) {
    }

    private final List<Path> folders;
    private final Locale locale;
    private final IconTheme icons;
    private final Launcher launcher;
    private final Path usageFile;
    private final Changes changes = new Changes("apps");
    private volatile Map<String, DesktopEntry> entries = Map.of();
    private volatile List<App> sorted = List.of();
    private volatile long loadNanos;
    private final Map<String, Usage> usage = new HashMap<>();
    private WatchService watcher;
    private Thread watching;

    public AppCatalog(List<Path> folders, Locale locale, IconTheme icons, Launcher launcher, Path usageFile) {
        this.folders = List.copyOf(folders);
        this.locale = locale;
        this.icons = icons;
        this.launcher = launcher;
        this.usageFile = usageFile;
        readUsage();
    }

    /** The catalogue of the environment {@code env} (its XDG folders, locale and the hicolor theme). */
    public static AppCatalog ofEnvironment(Map<String, String> env, Launcher launcher, Path usageFile) {
        List<Path> folders = new ArrayList<>();
        folders.add(XdgDirs.dataHome(env).resolve("applications"));
        XdgDirs.dataDirs(env).forEach(d -> folders.add(d.resolve("applications")));
        return new AppCatalog(folders, DesktopEntry.messagesLocale(env),
                IconTheme.ofEnvironment(env, env.get("CELLSHELL_ICON_THEME")), launcher, usageFile);
    }

    public Changes changes() {
        return changes;
    }

    /** Reads the entries now (on the caller's thread) and then watches the folders on a thread of its own. */
    public void start() {
        scan();
        try {
            watcher = FileSystems.getDefault().newWatchService();
            for (Path folder : folders) {
                if (Files.isDirectory(folder)) {
                    folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY);
                }
            }
            watching = new Thread(this::watch, "apps-watch");
            watching.setDaemon(true);
            watching.start();
        } catch (IOException e) {
            LOG.warn("application folders are not watched: {}", e.toString());
        }
    }

    private void watch() {
        try {
            while (true) {
                var key = watcher.take();
                Thread.sleep(200); // a package manager writes many files at once
                key.pollEvents();
                key.reset();
                scan();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Reads every entry again. */
    public void scan() {
        long start = System.nanoTime();
        Map<String, DesktopEntry> found = new LinkedHashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder, 4)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".desktop"))::iterator) {
                    String rel = folder.relativize(file).toString();
                    String id = rel.substring(0, rel.length() - ".desktop".length()).replace('/', '-');
                    if (found.containsKey(id) || found.size() >= MAX_ENTRIES) {
                        continue;
                    }
                    try {
                        found.put(id, DesktopEntry.read(id, file, locale));
                    } catch (IOException | RuntimeException e) {
                        LOG.debug("{} is skipped: {}", file, e.toString());
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} cannot be read: {}", folder, e.toString());
            }
        }
        entries = Map.copyOf(found);
        sorted = found.values().stream().filter(DesktopEntry::shown).map(DesktopEntry::app)
                .sorted(Comparator.comparing((App a) -> a.name().toLowerCase(Locale.ROOT)).thenComparing(App::id))
                .toList();
        loadNanos = System.nanoTime() - start;
        changes.fire();
    }

    /** How long the last scan took. */
    public long loadNanos() {
        return loadNanos;
    }

    public String unavailable() {
        if (folders.stream().noneMatch(Files::isDirectory)) {
            return "there is no applications folder (" + folders + ")";
        }
        return "";
    }

    public List<App> all() {
        return sorted;
    }

    public Optional<DesktopEntry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Matches of every word of {@code query}, best first; an empty query gives the most frequent first. */
    public List<App> search(String query, int limit) {
        String[] words = query == null ? new String[0] : query.toLowerCase(Locale.ROOT).strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            List<App> byUse = new ArrayList<>(frequent(limit));
            for (App app : sorted) {
                if (byUse.size() >= limit) {
                    break;
                }
                if (!byUse.contains(app)) {
                    byUse.add(app);
                }
            }
            return byUse;
        }
        record Scored(App app, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (App app : sorted) {
            DesktopEntry entry = entries.get(app.id());
            int total = 0;
            for (String word : words) {
                int best = score(entry, word);
                if (best == 0) {
                    total = 0;
                    break;
                }
                total += best;
            }
            if (total > 0) {
                synchronized (usage) {
                    Usage used = usage.get(app.id());
                    total += used == null ? 0 : Math.min(20, used.count());
                }
                scored.add(new Scored(app, total));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed()
                .thenComparing(s -> s.app().name().toLowerCase(Locale.ROOT)));
        return scored.stream().limit(Math.max(0, limit)).map(Scored::app).toList();
    }

    private static int score(DesktopEntry entry, String word) {
        String name = entry.name().toLowerCase(Locale.ROOT);
        if (name.startsWith(word)) {
            return 100;
        }
        for (String part : name.split("[\\s\\-_.]+")) {
            if (part.startsWith(word)) {
                return 80;
            }
        }
        if (entry.id().toLowerCase(Locale.ROOT).contains(word)) {
            return 60;
        }
        if (entry.genericName().toLowerCase(Locale.ROOT).contains(word)) {
            return 50;
        }
        if (entry.keywords().stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).startsWith(word))) {
            return 40;
        }
        if (name.contains(word)) {
            return 30;
        }
        if (entry.comment().toLowerCase(Locale.ROOT).contains(word)) {
            return 10;
        }
        return 0;
    }

    public List<App> recent(int limit) {
        return byUsage(Comparator.comparingLong((Map.Entry<String, Usage> e) -> e.getValue().lastMillis()).reversed(),
                limit);
    }

    public List<App> frequent(int limit) {
        return byUsage(Comparator.comparingInt((Map.Entry<String, Usage> e) -> e.getValue().count()).reversed()
                .thenComparing(Comparator.comparingLong((Map.Entry<String, Usage> e) -> e.getValue().lastMillis())
                        .reversed()), limit);
    }

    private List<App> byUsage(Comparator<Map.Entry<String, Usage>> order, int limit) {
        List<Map.Entry<String, Usage>> used;
        synchronized (usage) {
            used = new ArrayList<>(usage.entrySet());
        }
        used.sort(order);
        List<App> apps = new ArrayList<>();
        for (Map.Entry<String, Usage> e : used) {
            DesktopEntry entry = entries.get(e.getKey());
            if (entry != null && entry.shown() && apps.size() < limit) {
                apps.add(entry.app());
            }
        }
        return apps;
    }

    /** The icon file of the application, nearest {@code size} pixels. */
    public Optional<Path> icon(String id, int size) {
        DesktopEntry entry = entries.get(id);
        return entry == null ? Optional.empty() : icons.find(entry.icon(), size);
    }

    /**
     * Starts the application {@code id} detached from the desktop.
     *
     * @throws IllegalArgumentException when there is no such application, or its entry cannot be started
     */
    public void launch(String id) {
        DesktopEntry entry = entries.get(id);
        if (entry == null || !entry.type().equals("Application")) {
            throw new IllegalArgumentException("there is no application '" + id + "'");
        }
        List<String> argv = new ArrayList<>(ExecLine.argv(entry));
        if (entry.terminal()) {
            argv.addAll(0, terminal());
        }
        try {
            launcher.start(argv, entry.workingDirectory().isEmpty() ? null : Path.of(entry.workingDirectory()));
        } catch (IOException e) {
            throw new IllegalArgumentException(entry.name() + " (" + id + ") cannot be started: " + e.getMessage(), e);
        }
        LOG.info("started {} ({}): {}", entry.name(), id, argv);
        synchronized (usage) {
            Usage was = usage.get(id);
            usage.put(id, new Usage(was == null ? 1 : was.count() + 1, System.currentTimeMillis()));
        }
        writeUsage();
        changes.fire();
    }

    /** The terminal an entry with {@code Terminal=true} runs in: the system's choice, else xterm. */
    private static List<String> terminal() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "x-terminal-emulator"))) {
                return List.of("x-terminal-emulator", "-e");
            }
        }
        return List.of("xterm", "-e");
    }

    private void readUsage() {
        if (usageFile == null || !Files.isRegularFile(usageFile)) {
            return;
        }
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(usageFile, StandardCharsets.UTF_8)) {
            saved.load(in);
            for (String id : saved.stringPropertyNames()) {
                String[] parts = saved.getProperty(id).split(",");
                usage.put(id, new Usage(Integer.parseInt(parts[0]), Long.parseLong(parts[1])));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} cannot be read ({}); recent applications start empty", usageFile, e.toString());
            usage.clear();
        }
    }

    private void writeUsage() {
        if (usageFile == null) {
            return;
        }
        Properties saved = new Properties();
        synchronized (usage) {
            usage.forEach((id, u) -> saved.setProperty(id, u.count() + "," + u.lastMillis()));
        }
        try {
            Files.createDirectories(usageFile.getParent());
            Path temporary = usageFile.resolveSibling(usageFile.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                saved.store(out, "applications started through CellShell: count,last epoch ms");
            }
            Files.move(temporary, usageFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("{} not written: {}", usageFile, e.toString());
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
