package dev.cellshell.shell.intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The verb rules and small grammar: finds what a request asks (its {@link Intent}), which cells it is about (the
 * selected one for "this"/"it", by visible text "the OK button", by type "the clock", by ordinal "the second
 * button", "everything"), and the slots (how much bigger, which colour, where, which variant, what text). A request
 * whose target is unclear or unknown changes nothing and says why: precision over recall.
 */
final class Rules {

    /** What a request asks for; the embedding fallback may force one when no verb rule matched. */
    enum Intent { UNDO, THEME_DARK, THEME_LIGHT, ARRANGE, ADD, REMOVE, TEXT, VARIANT, BIGGER, SMALLER, COLOR, MOVE,
        LAUNCH, QUIET, MEDIA, WORKSPACE }

    private static final Map<String, String> TYPE_WORDS = Map.ofEntries(Map.entry("title", "Label"),
            Map.entry("heading", "Label"), Map.entry("caption", "Label"), Map.entry("time", "Clock"),
            Map.entry("watch", "Clock"), Map.entry("dock", "Panel"), Map.entry("card", "Panel"),
            Map.entry("notification", "NotificationHistory"), Map.entry("popup", "NotificationPopups"),
            Map.entry("tray", "TrayIcons"), Map.entry("music", "NowPlaying"), Map.entry("player", "NowPlaying"),
            Map.entry("wifi", "NetworkIndicator"), Map.entry("network", "NetworkIndicator"),
            Map.entry("app", "AppGrid"), Map.entry("application", "AppGrid"), Map.entry("window", "Taskbar"));
    /** Verbs that destroy, and things that are not on the desktop: together, a request outside what it changes. */
    private static final Set<String> DESTROY = Set.of("delete", "remove", "erase", "wipe", "format", "destroy",
            "trash", "uninstall", "kill", "clear", "empty");
    private static final Set<String> OUTSIDE = Set.of("file", "files", "folder", "folders", "directory",
            "directories", "disk", "drive", "computer", "laptop", "pc", "machine", "system", "documents", "photos",
            "pictures", "downloads", "data", "emails", "home", "partition", "os");
    private static final Set<String> PRONOUNS = Set.of("it", "this", "that", "selected", "selection", "them");
    private static final Set<String> ALL = Set.of("everything", "all", "every");

    private Rules() {
    }

    /** The request's plan by the rules alone ({@code forced} null), or with the intent given by a paraphrase. */
    static Plan plan(String request, Desktop desktop, Intent forced, double forcedSimilarity) {
        return plan(request, desktop, forced, forcedSimilarity, true);
    }

    /** The message of a plan no rule matched; the engine then tries a paraphrase. */
    static final String UNKNOWN = "I don't know how to do that. ";

    /**
     * @param mendVerbs mend typos towards the whole vocabulary; without it only towards cell ids, types and colours
     *     (so "blow up the clock" is not read as "below")
     */
    static Plan plan(String request, Desktop desktop, Intent forced, double forcedSimilarity, boolean mendVerbs) {
        List<String> tokens = Lexicon.tokens(request);
        Set<String> extra = new LinkedHashSet<>();
        desktop.cells().forEach(c -> {
            extra.add(c.id());
            extra.add(c.type().toLowerCase(Locale.ROOT));
        });
        desktop.types().keySet().forEach(t -> extra.add(t.toLowerCase(Locale.ROOT)));
        desktop.variants().values().forEach(v -> v.values().forEach(extra::addAll));
        desktop.system().apps().forEach(a -> {
            extra.addAll(Lexicon.tokens(a.name()));
            extra.add(a.id().toLowerCase(Locale.ROOT));
        });
        int mended = Lexicon.mend(tokens, extra, mendVerbs);
        String outside = outside(tokens, desktop);
        if (outside != null) {
            return new Plan(request, false, 1, outside, List.of(), "rules");
        }
        Intent intent = forced != null ? forced : intent(tokens, desktop);
        if (intent == null) {
            return Plan.notUnderstood(request, UNKNOWN + Engine.REPERTOIRE);
        }
        Request r = new Request(request, tokens, desktop, intent, mended);
        Plan plan = r.plan();
        if (forced != null && plan.understood()) {
            return new Plan(plan.request(), true, Math.min(plan.confidence(), forcedSimilarity), plan.message(),
                    plan.changes(), "embeddings");
        }
        return plan;
    }

    private static boolean has(List<String> t, String... words) {
        for (String w : words) {
            if (t.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a request about things outside the desktop ("delete all my files", "shut down the computer") changes
     * nothing; null when it is about the desktop. A request that names a cell is about the desktop.
     */
    private static String outside(List<String> t, Desktop desktop) {
        boolean names = t.stream().anyMatch(w -> type(w, desktop) != null && !OUTSIDE.contains(w)
                || desktop.cell(w) != null);
        boolean power = has(t, "reboot", "shutdown", "poweroff") || (t.contains("shut") && t.contains("down"))
                || (has(t, "restart", "reboot") && has(t, "computer", "laptop", "pc", "machine", "system"));
        if (power) {
            return "That is about the computer, not the desktop: I change only the desktop's cells (and start "
                    + "applications), so nothing was changed.";
        }
        if (!names && has(t, DESTROY.toArray(String[]::new)) && has(t, OUTSIDE.toArray(String[]::new))) {
            return "That is about your files or your computer, not the desktop: I change only the desktop's cells, "
                    + "so nothing was changed (and no file was touched).";
        }
        return null;
    }

    private static Intent intent(List<String> t, Desktop desktop) {
        if (has(t, "workspace", "workspaces") && workspaceNumber(t) != null) {
            return Intent.WORKSPACE;
        }
        boolean themeWord = has(t, "mode", "theme");
        // Before undo: "go back to the light theme" switches the theme, it does not undo.
        if (themeWord || (t.size() <= 4 && has(t, "switch", "go") && has(t, "dark", "light", "night", "day"))) {
            if (has(t, "light", "day", "white", "bright")) {
                return Intent.THEME_LIGHT;
            }
            if (has(t, "dark", "night", "black")) {
                return Intent.THEME_DARK;
            }
        }
        if (has(t, "undo", "revert", "mistake") || (t.contains("back") && has(t, "go", "take"))) {
            return Intent.UNDO;
        }
        String spaced = " " + String.join(" ", t) + " ";
        if (spaced.contains(" disturb ") || t.contains("dnd") || (has(t, "quiet", "silence", "mute")
                && has(t, "notifications", "notification", "mode"))) {
            return Intent.QUIET;
        }
        if (mediaCommand(t) != null) {
            return Intent.MEDIA;
        }
        if (has(t, "launch", "start", "run", "open") && !has(t, "add", "new", "another")
                && (t.contains("launch") || app(t, desktop) != null)) {
            return Intent.LAUNCH;
        }
        if (has(t, "arrange", "tidy", "distribute", "organize", "organise", "layout")
                || (t.contains("clean") && t.contains("up")) || (has(t, "spread", "lay") && t.contains("out"))
                || (t.contains("in") && t.contains("order"))) {
            return Intent.ARRANGE;
        }
        String[] switched = variant(t, desktop);
        if (switched != null && (switched[1].equals("on") || switched[1].equals("off"))) {
            return Intent.VARIANT;
        }
        if (has(t, "remove", "delete", "close", "drop", "kill") || (t.contains("get") && t.contains("rid"))) {
            return Intent.REMOVE;
        }
        if (has(t, "add", "create", "spawn", "new", "another") || ((has(t, "put", "place", "open", "show")
                && has(t, "a", "an")) && mentionsType(t, desktop)) || (has(t, "put", "place", "open", "show")
                && absentType(t, desktop) != null)) {
            return Intent.ADD;
        }
        if (t.contains("rename") || (has(t, "say", "read") && has(t, "make", "should", "let", "will", "must",
                "have")) || saysNotRelative(t) || (has(t, "text", "title", "caption")
                && t.contains("to") && !hasColor(t))) {
            return Intent.TEXT;
        }
        if (variant(t, desktop) != null) {
            return Intent.VARIANT;
        }
        boolean complaint = complaint(t);
        String joined = " " + String.join(" ", t) + " ";
        if ((complaint && has(t, "small", "tiny", "little")) || joined.contains(" hard to read ")
                || joined.contains(" hard to see ") || joined.contains(" can't read ")
                || joined.contains(" cannot read ") || joined.contains(" can't see ")) {
            return Intent.BIGGER;
        }
        if (complaint && has(t, "big", "huge", "large")) {
            return Intent.SMALLER;
        }
        if (has(t, "bigger", "larger", "wider", "taller", "higher", "enlarge", "grow", "increase", "double",
                "twice", "thrice", "huge") || (has(t, "blow", "scale") && t.contains("up"))) {
            return Intent.BIGGER;
        }
        if (has(t, "smaller", "narrower", "shorter", "shrink", "decrease", "reduce", "half", "tiny")
                || (t.contains("scale") && t.contains("down"))) {
            return Intent.SMALLER;
        }
        if (t.contains("resize") || (t.contains("size") && t.contains("to")) || (has(t, "px", "pixels", "by")
                && has(t, "wide", "tall", "high")) || numberAround(t, "by") || numberAround(t, "x")) {
            return Intent.BIGGER;
        }
        if (hasColor(t)) {
            return Intent.COLOR;
        }
        if (has(t, "move", "drag", "shift", "send", "push", "put", "place", "position", "bring")
                || (!t.isEmpty() && Set.of("center", "centre").contains(t.get(0)))) {
            return Intent.MOVE;
        }
        return null;
    }

    /** A type the request names of which no cell runs yet ("show my notifications", "put the battery …"). */
    static String absentType(List<String> t, Desktop desktop) {
        for (String word : t) {
            String type = type(word, desktop);
            if (type != null && desktop.cells().stream().noneMatch(c -> c.type().equals(type))) {
                return type;
            }
        }
        return null;
    }

    /** The workspace a request names, 0-based ("workspace 2", "the second workspace"), or null. */
    static Integer workspaceNumber(List<String> t) {
        for (int i = 0; i < t.size(); i++) {
            Double n = Lexicon.number(t.get(i));
            if (n != null && n >= 1 && n <= 64 && n == Math.rint(n)) {
                return n.intValue() - 1;
            }
            int ordinal = List.of("first", "second", "third", "fourth", "fifth").indexOf(t.get(i));
            if (ordinal >= 0) {
                return ordinal;
            }
        }
        return null;
    }

    /** "pause the music" → pause, "next song" → next; null when the request is not about the media player. */
    static String mediaCommand(List<String> t) {
        boolean about = has(t, "music", "song", "songs", "track", "tracks", "media", "player", "playback", "audio",
                "tune", "podcast", "video");
        String first = t.isEmpty() ? "" : t.get(0);
        if (has(t, "pause", "stop") && (about || first.equals("pause"))) {
            return "pause";
        }
        if (has(t, "resume", "unpause") || (t.contains("play") && (about || t.size() == 1))) {
            return "play";
        }
        if ((has(t, "next", "skip") && about) || first.equals("skip")) {
            return "next";
        }
        if (has(t, "previous", "prev") && about || (t.contains("last") && has(t, "song", "track"))) {
            return "previous";
        }
        return null;
    }

    /** Words that are not the application's name in "open the firefox app for me". */
    private static final Set<String> NOT_A_NAME = Set.of("launch", "start", "run", "open", "up", "fire", "the", "a",
            "an", "my", "app", "application", "program", "please", "for", "me", "new", "window", "of", "some");

    /** The installed application a request names (by name, id, generic name or category), or null. */
    static dev.cellshell.widgets.App app(List<String> t, Desktop desktop) {
        List<String> words = t.stream().filter(w -> !NOT_A_NAME.contains(w)).toList();
        if (words.isEmpty()) {
            return null;
        }
        String query = String.join(" ", words);
        dev.cellshell.widgets.App best = null;
        int bestScore = 0;
        for (dev.cellshell.widgets.App app : desktop.system().apps()) {
            String name = app.name().toLowerCase(Locale.ROOT);
            String id = app.id().toLowerCase(Locale.ROOT);
            String lastPart = id.substring(id.lastIndexOf('.') + 1);
            int score = name.equals(query) || lastPart.equals(query) || id.equals(query) ? 100
                    : name.startsWith(query) ? 80
                    : app.genericName().toLowerCase(Locale.ROOT).equals(query) ? 60
                    : app.genericName().toLowerCase(Locale.ROOT).contains(query) ? 40
                    : app.categories().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(query)) ? 30 : 0;
            if (score > bestScore) {
                best = app;
                bestScore = score;
            }
        }
        return best;
    }

    /** "the label is too small", "it looks huge": a complaint, which asks for the opposite. */
    static boolean complaint(List<String> t) {
        return has(t, "too", "is", "are", "looks", "seems") && !has(t, "make", "turn", "set");
    }

    /** "says"/"reads" as the verb ("the label says Hi"), not in "the button that says OK". */
    private static boolean saysNotRelative(List<String> t) {
        for (int i = 0; i < t.size(); i++) {
            if ((t.get(i).equals("says") || t.get(i).equals("reads"))
                    && (i == 0 || !Set.of("that", "which", "who").contains(t.get(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** "400 by 150": numbers on both sides of {@code word}. */
    private static boolean numberAround(List<String> t, String word) {
        int i = t.indexOf(word);
        return i > 0 && i + 1 < t.size() && Lexicon.number(t.get(i - 1)) != null
                && Lexicon.number(t.get(i + 1)) != null;
    }

    private static boolean hasColor(List<String> t) {
        int[] used = new int[1];
        for (int i = 0; i < t.size(); i++) {
            if (Lexicon.color(t, i, used) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsType(List<String> t, Desktop desktop) {
        for (String word : t) {
            if (type(word, desktop) != null) {
                return true;
            }
        }
        return false;
    }

    /** The cell type a word names ("clock", "clocks", "title"), or null. */
    static String type(String word, Desktop desktop) {
        String singular = word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
        for (String type : desktop.types().keySet()) {
            String lower = type.toLowerCase(Locale.ROOT);
            if (lower.equals(word) || lower.equals(singular)) {
                return type;
            }
        }
        String mapped = TYPE_WORDS.get(singular);
        return mapped != null && desktop.types().containsKey(mapped) ? mapped : null;
    }

    /** {prop, value} of a variant the request names, for any type that declares it; null when none. */
    static String[] variant(List<String> t, Desktop desktop) {
        String joined = " " + String.join(" ", t) + " ";
        for (var type : desktop.variants().entrySet()) {
            for (var prop : type.getValue().entrySet()) {
                for (String value : prop.getValue()) {
                    if (matchesVariant(joined, t, prop.getKey(), value)) {
                        return new String[] {prop.getKey(), value};
                    }
                }
            }
        }
        return null;
    }

    private static boolean matchesVariant(String joined, List<String> t, String prop, String value) {
        if (value.equals("on") || value.equals("off")) {
            boolean named = t.contains(prop) || t.contains(prop.endsWith("s") ? prop.substring(0, prop.length() - 1)
                    : prop);
            if (!named) {
                return false;
            }
            boolean off = has(t, "hide", "without", "off", "no", "remove", "drop");
            boolean on = has(t, "show", "with", "on", "add", "display");
            return value.equals("off") ? off : on && !off;
        }
        if (value.matches("\\d+h")) {
            String n = value.substring(0, value.length() - 1);
            return joined.contains(" " + value + " ") || joined.contains(" " + n + " hour")
                    || joined.contains(" " + n + "-hour") || joined.contains(" " + n + " h ");
        }
        return t.contains(value) || (value.equals("analog") && t.contains("analogue"));
    }

    /** An anchor the request names ("top right", "the middle", "bottom-left corner"), or null. */
    static String position(List<String> t) {
        boolean top = has(t, "top", "upper", "top-left", "top-right");
        boolean bottom = has(t, "bottom", "lower", "bottom-left", "bottom-right");
        boolean left = has(t, "left", "top-left", "bottom-left");
        boolean right = has(t, "right", "top-right", "bottom-right");
        boolean middle = has(t, "middle", "center", "centre", "centered", "centred");
        if (t.contains("right") && t.contains("to") && t.indexOf("to") + 1 < t.size()
                && t.get(t.indexOf("to") + 1).equals("the") && has(t, "of")) {
            right = true;
        }
        String vertical = top ? "top" : bottom ? "bottom" : "";
        String horizontal = left ? "left" : right ? "right" : "";
        if (!vertical.isEmpty() && !horizontal.isEmpty()) {
            return vertical + "-" + horizontal;
        }
        if (!vertical.isEmpty()) {
            return vertical;
        }
        if (!horizontal.isEmpty()) {
            return horizontal;
        }
        return middle ? "center" : null;
    }

    /**
     * The one cell a request is about (for a language model to rewrite), or empty with the reason in {@code why[0]}.
     */
    static Optional<Desktop.Cell> target(String request, Desktop desktop, String[] why) {
        List<String> tokens = Lexicon.tokens(request);
        Request r = new Request(request, tokens, desktop, Intent.BIGGER, 0);
        List<Desktop.Cell> cells = r.targets(why, 0, tokens.size());
        if (cells.size() > 1) {
            why[0] = "that names " + cells.size() + " cells; a code change is for one cell type at a time";
            return Optional.empty();
        }
        return cells.stream().findFirst();
    }

    /** One request being understood. */
    private static final class Request {
        final String text;
        final List<String> t;
        final Desktop desktop;
        final Intent intent;
        final int mended;
        boolean implicitTarget;

        Request(String text, List<String> tokens, Desktop desktop, Intent intent, int mended) {
            this.text = text;
            this.t = tokens;
            this.desktop = desktop;
            this.intent = intent;
            this.mended = mended;
        }

        double confidence() {
            return Math.max(0.3, 0.97 - 0.08 * mended - (implicitTarget ? 0.1 : 0));
        }

        Plan ok(String message, List<Op> ops) {
            return new Plan(text, true, confidence(), message, ops, "rules");
        }

        Plan no(String why) {
            return Plan.notUnderstood(text, why);
        }

        Plan plan() {
            return switch (intent) {
                case UNDO -> ok("Undid the last change", List.of(new Op.Undo()));
                case THEME_DARK -> theme("dark");
                case THEME_LIGHT -> theme("light");
                case ARRANGE -> ok("Arranged " + desktop.cells().size() + " cells without overlaps",
                        List.of(new Op.Arrange()));
                case ADD -> add();
                case REMOVE -> remove();
                case TEXT -> text();
                case VARIANT -> variantChange();
                case BIGGER, SMALLER -> resize();
                case COLOR -> color();
                case MOVE -> move();
                case LAUNCH -> launch();
                case QUIET -> quiet();
                case MEDIA -> media();
                case WORKSPACE -> workspace();
            };
        }

        /** The panel "in the top bar" names (in {@code after}, the words after the type), or null. */
        private String panel(List<String> after) {
            if (!has(after, "bar", "panel", "dock") || !has(after, "in", "on", "to", "into", "onto")
                    || desktop.system().panels().isEmpty()) {
                return null;
            }
            for (var e : desktop.system().panels().entrySet()) {
                if (after.contains(e.getValue()) || after.contains(e.getKey())) {
                    return e.getKey();
                }
            }
            return desktop.system().panels().size() == 1 ? desktop.system().panels().keySet().iterator().next()
                    : null;
        }

        Plan launch() {
            dev.cellshell.widgets.App app = app(t, desktop);
            if (app == null) {
                List<String> words = t.stream().filter(w -> !NOT_A_NAME.contains(w)).toList();
                return no(words.isEmpty() ? "which application? (e.g. \"open firefox\")"
                        : "no installed application is called \"" + String.join(" ", words) + "\""
                        + (desktop.system().apps().isEmpty() ? " (none are known here)" : ""));
            }
            return ok("Started " + app.name(), List.of(new Op.Launch(app.id(), app.name())));
        }

        Plan quiet() {
            boolean off = has(t, "off", "stop", "end", "disable", "cancel", "unmute") || t.contains("no")
                    && !t.contains("not");
            if (off) {
                return ok("Do not disturb is off: notifications pop up again", List.of(new Op.DoNotDisturb(0)));
            }
            int minutes = -1;
            int at = t.indexOf("for");
            if (at >= 0) {
                double amount = 1;
                String unit = "";
                for (int i = at + 1; i < t.size(); i++) {
                    Double n = Lexicon.number(t.get(i));
                    if (n != null) {
                        amount = n;
                    } else if (t.get(i).equals("half")) {
                        amount = 0.5;
                    } else if (t.get(i).startsWith("hour") || t.get(i).startsWith("minute")) {
                        unit = t.get(i);
                        break;
                    }
                }
                if (unit.startsWith("hour")) {
                    minutes = (int) Math.round(amount * 60);
                } else if (unit.startsWith("minute")) {
                    minutes = (int) Math.round(amount);
                }
            }
            if (minutes == 0 || minutes > 7 * 24 * 60) {
                return no("for how long? (e.g. \"do not disturb for an hour\")");
            }
            return ok(minutes < 0 ? "Do not disturb until you turn it off: popups wait in the history"
                    : "Do not disturb for " + (minutes % 60 == 0 ? minutes / 60 + (minutes == 60 ? " hour" : " hours")
                    : minutes + " minutes") + ": popups wait in the history", List.of(new Op.DoNotDisturb(minutes)));
        }

        Plan media() {
            String command = mediaCommand(t);
            return ok(switch (command) {
                case "pause" -> "Paused the music";
                case "play" -> "Playing";
                case "next" -> "Skipped to the next track";
                default -> "Back to the previous track";
            }, List.of(new Op.Media(command)));
        }

        Plan workspace() {
            int index = workspaceNumber(t);
            int count = desktop.system().workspaces();
            if (count > 0 && index >= count) {
                return no("there are " + count + " workspaces; there is no workspace " + (index + 1));
            }
            return ok("Switched to workspace " + (index + 1), List.of(new Op.Workspace(index)));
        }

        Plan theme(String name) {
            if (!desktop.themes().contains(name)) {
                return no("there is no " + name + " theme (themes: " + String.join(", ", desktop.themes()) + ")");
            }
            return ok(name.equals(desktop.theme()) ? "The desktop is already in the " + name + " theme"
                    : "Switched to the " + name + " theme", List.of(new Op.Theme(name)));
        }

        /** The cells the request is about; an empty list with {@code why[0]} set when it cannot tell. */
        List<Desktop.Cell> targets(String[] why, int from, int to) {
            List<String> words = t.subList(from, Math.max(from, Math.min(to, t.size())));
            if (has(words, "everything") || (has(words, "all", "every") && !mentionsType(words, desktop))) {
                return desktop.cells();
            }
            for (String word : words) {
                Desktop.Cell byId = desktop.cell(word);
                if (byId != null && type(word, desktop) == null) {
                    return List.of(byId);
                }
            }
            for (int i = 0; i < words.size(); i++) {
                String type = type(words.get(i), desktop);
                if (type == null) {
                    continue;
                }
                List<Desktop.Cell> ofType = desktop.cells().stream().filter(c -> c.type().equals(type)).toList();
                if (ofType.isEmpty()) {
                    why[0] = "there is no " + type.toLowerCase(Locale.ROOT) + " on the desktop";
                    return List.of();
                }
                boolean plural = words.get(i).endsWith("s") && !words.get(i).equals(type.toLowerCase(Locale.ROOT))
                        || (i > 0 && has(words.subList(0, i), "all", "every"));
                if (plural) {
                    return ofType;
                }
                String before = visibleTextBefore(words, i);
                String visible = before.isEmpty() ? visibleTextAfter(words, i) : before;
                if (!visible.isEmpty()) {
                    List<Desktop.Cell> named = ofType.stream().filter(c -> c.visibleText().equals(visible)
                            || c.visibleText().startsWith(visible + " ")).toList();
                    if (named.size() == 1) {
                        return named;
                    }
                    if (named.isEmpty() && ofType.size() == 1 && !before.isEmpty()) {
                        implicitTarget = true;
                        return ofType;
                    }
                    if (named.isEmpty()) {
                        why[0] = "no " + type.toLowerCase(Locale.ROOT) + " says \"" + visible + "\" ("
                                + describe(ofType) + ")";
                        return List.of();
                    }
                }
                Integer ordinal = i > 0 ? Lexicon.ORDINALS.get(words.get(i - 1)) : null;
                if (ordinal == null && i > 1 && words.get(i - 1).equals("one")) {
                    ordinal = Lexicon.ORDINALS.get(words.get(i - 2));
                }
                if (ordinal != null) {
                    int index = ordinal < 0 ? ofType.size() - 1 : ordinal - 1;
                    if (index >= ofType.size()) {
                        why[0] = "there are only " + ofType.size() + " " + type.toLowerCase(Locale.ROOT) + "s";
                        return List.of();
                    }
                    return List.of(ofType.get(index));
                }
                if (ofType.size() == 1) {
                    return ofType;
                }
                Desktop.Cell selected = desktop.cell(desktop.selected());
                if (selected != null && selected.type().equals(type)) {
                    return List.of(selected);
                }
                why[0] = "which " + type.toLowerCase(Locale.ROOT) + "? " + describe(ofType)
                        + " (say \"the second " + type.toLowerCase(Locale.ROOT) + "\", or select one with Alt+click)";
                return List.of();
            }
            for (String word : words) {
                if (word.startsWith("\"")) {
                    String quoted = word.substring(1, word.length() - 1).toLowerCase(Locale.ROOT);
                    List<Desktop.Cell> named = desktop.cells().stream().filter(c -> c.visibleText().equals(quoted))
                            .toList();
                    if (named.size() == 1) {
                        return named;
                    }
                }
            }
            String joined = " " + String.join(" ", words) + " ";
            List<Desktop.Cell> byText = desktop.cells().stream().filter(c -> c.visibleText().length() >= 2
                    && joined.contains(" " + c.visibleText() + " ")).toList();
            if (byText.size() == 1) {
                return byText;
            }
            Desktop.Cell selected = desktop.cell(desktop.selected());
            if (has(words, PRONOUNS.toArray(String[]::new)) || words.isEmpty() || selected != null) {
                if (selected != null) {
                    implicitTarget = !has(words, PRONOUNS.toArray(String[]::new));
                    return List.of(selected);
                }
                why[0] = "which cell do you mean? Select one with Alt+click, or name it (" + describe(desktop.cells())
                        + ")";
                return List.of();
            }
            why[0] = "which cell do you mean? (" + describe(desktop.cells()) + ")";
            return List.of();
        }

        /** "the button that says OK", "the label saying hello", "the button called Save". */
        private String visibleTextAfter(List<String> words, int typeIndex) {
            int i = typeIndex + 1;
            if (i < words.size() && Set.of("that", "which", "with").contains(words.get(i))) {
                i++;
            }
            if (i < words.size() && Set.of("says", "saying", "reads", "called", "labelled", "labeled", "named")
                    .contains(words.get(i))) {
                int end = i + 1;
                StringBuilder text = new StringBuilder();
                while (end < words.size() && !Set.of("bigger", "smaller", "wider", "taller", "to", "red", "and")
                        .contains(words.get(end)) && Lexicon.COLORS.get(words.get(end)) == null) {
                    text.append(text.length() == 0 ? "" : " ").append(words.get(end).replace("\"", ""));
                    end++;
                }
                return text.toString().toLowerCase(Locale.ROOT);
            }
            return "";
        }

        private String visibleTextBefore(List<String> words, int typeIndex) {
            int start = typeIndex;
            while (start > 0 && !Set.of("the", "a", "an", "my", "this", "that", "of", "make", "move", "remove",
                    "delete", "put", "set", "change", "turn", "paint", "color").contains(words.get(start - 1))
                    && !Lexicon.ORDINALS.containsKey(words.get(start - 1))) {
                start--;
            }
            List<String> named = new ArrayList<>();
            for (String word : words.subList(start, typeIndex)) {
                if (word.startsWith("\"") || !(Lexicon.WORDS.contains(word) || Lexicon.number(word) != null
                        || Lexicon.COLORS.containsKey(word) || word.matches("\\d+(h|-hour)?") || isVariantValue(word))) {
                    named.add(word.replace("\"", ""));
                }
            }
            return String.join(" ", named).trim();
        }

        private boolean isVariantValue(String word) {
            return desktop.variants().values().stream().anyMatch(v -> v.values().stream().anyMatch(
                    values -> values.contains(word)));
        }

        private String describe(List<Desktop.Cell> cells) {
            List<String> names = new ArrayList<>();
            for (Desktop.Cell c : cells) {
                names.add(c.visibleText().isEmpty() ? c.id() : c.id() + " \"" + c.visibleText() + "\"");
            }
            return String.join(", ", names);
        }

        Plan resize() {
            String[] why = {""};
            List<Desktop.Cell> cells = targets(why, 0, t.size());
            if (cells.isEmpty()) {
                return no(why[0]);
            }
            if (has(t, "text", "font", "letters", "writing", "lettering")) {
                return textSize(cells);
            }
            boolean widthOnly = has(t, "wider", "narrower", "wide", "width");
            boolean heightOnly = has(t, "taller", "shorter", "higher", "tall", "high", "height");
            boolean bigger = intent == Intent.BIGGER;
            double factor = bigger ? 1.25 : 0.8;
            if (has(t, "bit", "little", "slightly", "tad")) {
                factor = bigger ? 1.1 : 0.9;
            } else if (has(t, "much", "lot", "way") || (!complaint(t) && has(t, "huge", "tiny"))) {
                factor = bigger ? 1.5 : 0.67;
            }
            if (has(t, "twice", "double")) {
                factor = 2;
            } else if (t.contains("thrice") || (t.contains("times") && t.indexOf("times") > 0
                    && Lexicon.number(t.get(t.indexOf("times") - 1)) != null)) {
                factor = t.contains("thrice") ? 3 : Lexicon.number(t.get(t.indexOf("times") - 1));
            } else if (t.contains("half")) {
                factor = 0.5;
            }
            Double percent = numberBefore("%", "percent");
            if (percent != null) {
                factor = bigger ? 1 + percent / 100 : 1 - percent / 100;
            }
            boolean comparative = has(t, "bigger", "larger", "smaller", "wider", "narrower", "taller", "shorter",
                    "higher");
            Double by = t.contains("by") && !numberAround(t, "by") ? numberAfter("by") : null;
            Double pixels = numberBefore("px", "pixels");
            if (by == null && comparative && pixels != null) {
                by = pixels;
            }
            Double absolute = t.contains("to") ? numberAfter("to") : null;
            if (absolute == null && !comparative && pixels != null) {
                absolute = pixels;
            }
            Double second = null;
            for (String between : new String[] {"x", "by"}) {
                if (numberAround(t, between)) {
                    absolute = Lexicon.number(t.get(t.indexOf(between) - 1));
                    second = Lexicon.number(t.get(t.indexOf(between) + 1));
                }
            }
            if (factor <= 0.05 || factor > 20) {
                return no("that size makes no sense");
            }
            List<Op> ops = new ArrayList<>();
            String how = "";
            for (Desktop.Cell c : cells) {
                double w = c.width();
                double h = c.height();
                if (absolute != null && second != null) {
                    w = absolute;
                    h = second;
                    how = "to " + absolute.intValue() + "×" + second.intValue();
                } else if (absolute != null) {
                    if (heightOnly) {
                        h = absolute;
                    } else if (widthOnly) {
                        w = absolute;
                    } else {
                        h = h * absolute / w;
                        w = absolute;
                    }
                    how = heightOnly ? absolute.intValue() + " px tall" : widthOnly ? absolute.intValue()
                            + " px wide" : absolute.intValue() + " px wide, keeping its proportions";
                } else if (by != null && percent == null) {
                    double d = bigger ? by : -by;
                    w = heightOnly ? w : w + d;
                    h = widthOnly ? h : h + d;
                    how = (bigger ? "bigger" : "smaller") + " by " + by.intValue() + " px";
                } else {
                    w = heightOnly ? w : w * factor;
                    h = widthOnly ? h : h * factor;
                    int pct = (int) Math.round(Math.abs(factor - 1) * 100);
                    how = factor == 2 ? "twice as " + (widthOnly ? "wide" : heightOnly ? "tall" : "big")
                            : factor == 0.5 ? "half as " + (widthOnly ? "wide" : heightOnly ? "tall" : "big")
                            : pct + "% " + (bigger ? (widthOnly ? "wider" : heightOnly ? "taller" : "bigger")
                                    : (widthOnly ? "narrower" : heightOnly ? "shorter" : "smaller"));
                }
                if (w < 8 || h < 8 || w > desktop.width() || h > desktop.height()) {
                    return no("that would make " + c.id() + " " + Math.round(w) + "×" + Math.round(h)
                            + " px, too " + (w < 8 || h < 8 ? "small" : "big"));
                }
                Map<String, String> size = new LinkedHashMap<>();
                size.put("width", Long.toString(Math.round(w)));
                size.put("height", Long.toString(Math.round(h)));
                ops.add(new Op.Set(c.id(), size));
            }
            return ok("Made " + names(cells) + " " + how, ops);
        }

        private Double numberBefore(String... units) {
            for (String unit : units) {
                int i = t.indexOf(unit);
                if (i > 0) {
                    Double n = Lexicon.number(t.get(i - 1));
                    if (n != null) {
                        return n;
                    }
                }
            }
            return null;
        }

        private Double numberAfter(String word) {
            int i = t.indexOf(word);
            return i >= 0 && i + 1 < t.size() ? Lexicon.number(t.get(i + 1)) : null;
        }

        Plan color() {
            int[] used = new int[1];
            String value = null;
            int at = -1;
            for (int i = 0; i < t.size() && value == null; i++) {
                value = Lexicon.color(t, i, used);
                at = i;
            }
            if (value == null) {
                return no("which colour? (a CSS name such as red or dark blue, or #rrggbb)");
            }
            String[] why = {""};
            List<Desktop.Cell> cells = targets(why, 0, at);
            if (cells.isEmpty()) {
                cells = targets(why, at + used[0], t.size());
            }
            if (cells.isEmpty()) {
                return no(why[0]);
            }
            List<Op> ops = new ArrayList<>();
            String part = has(t, "background", "bg", "behind") ? "background"
                    : has(t, "border", "outline", "edge") ? "border" : has(t, "text", "font", "letters", "writing")
                    ? "text" : "";
            for (Desktop.Cell c : cells) {
                List<String> declared = desktop.colorProps(c.type());
                String prop;
                if (declared.isEmpty()) {
                    // a type that declares no colour props: the names the built-in cells used before @Prop
                    prop = switch (part) {
                        case "background" -> c.type().equals("Button") ? "color" : "background";
                        case "border" -> "border";
                        case "text" -> c.type().equals("Button") ? "textColor" : "color";
                        default -> c.type().equals("Label") || c.type().equals("Panel") ? "background" : "color";
                    };
                } else {
                    // the colour props the type declares: "background", "textColor", "border", else its "color"
                    prop = switch (part) {
                        case "background" -> declared.contains("background") ? "background" : declared.get(0);
                        case "border" -> declared.contains("border") ? "border" : "";
                        case "text" -> declared.contains("textColor") ? "textColor" : declared.contains("color")
                                ? "color" : "";
                        default -> declared.contains("background") ? "background" : declared.get(0);
                    };
                    if (prop.isEmpty()) {
                        return no(c.id() + " (" + c.type() + ") has no " + part + " colour to change; its colours: "
                                + String.join(", ", declared));
                    }
                }
                ops.add(new Op.Set(c.id(), Map.of(prop, value)));
            }
            return ok("Made " + names(cells) + (part.isEmpty() ? "" : " " + part) + " " + t.get(at)
                    + (used[0] == 2 ? " " + t.get(at + 1) : "") + " (" + value + ")", ops);
        }

        /**
         * "make the label's text bigger": the text size prop ({@code size}, a NUMBER) the cells' types declare, times
         * the factor asked for or set to the number after "to", kept in its declared range.
         */
        Plan textSize(List<Desktop.Cell> cells) {
            boolean bigger = intent == Intent.BIGGER;
            double factor = has(t, "bit", "little", "slightly", "tad") ? (bigger ? 1.1 : 0.9)
                    : has(t, "much", "lot", "way") ? (bigger ? 1.5 : 0.67) : has(t, "twice", "double") ? 2
                    : t.contains("half") ? 0.5 : bigger ? 1.25 : 0.8;
            Double absolute = t.contains("to") ? numberAfter("to") : null;
            List<Op> ops = new ArrayList<>();
            List<String> how = new ArrayList<>();
            for (Desktop.Cell c : cells) {
                Desktop.TypedProp size = desktop.propKinds().getOrDefault(c.type(), Map.of()).get("size");
                if (size == null || !size.kind().equals("NUMBER")) {
                    return no(c.id() + " (" + c.type() + ") declares no text size to change; resize the cell instead"
                            + " (\"make " + c.id() + " bigger\")");
                }
                double current;
                try {
                    current = Double.parseDouble(c.props().getOrDefault("size", size.fallback()).trim());
                } catch (NumberFormatException e) {
                    current = size.min() > 0 ? size.min() : 14;
                }
                double next = Math.max(size.min(), Math.min(size.max(), absolute != null ? absolute
                        : Math.round(current * factor)));
                String value = next == Math.rint(next) ? Long.toString((long) next) : Double.toString(next);
                ops.add(new Op.Set(c.id(), Map.of("size", value)));
                how.add(c.id() + " " + (long) current + " → " + value);
            }
            return ok("Text size: " + String.join(", ", how), ops);
        }

        Plan text() {
            String value = quoted();
            if (value == null) {
                int cut = -1;
                String lower = text.toLowerCase(Locale.ROOT);
                for (String marker : new String[] {" say ", " says ", " read ", " reads ", " to "}) {
                    int i = lower.lastIndexOf(marker);
                    if (i >= 0 && (cut < 0 || marker.equals(" to ") && cut < 0)) {
                        cut = i + marker.length();
                        break;
                    }
                }
                if (cut < 0) {
                    return no("what should it say? (e.g. make the title say \"Hello\")");
                }
                value = text.substring(cut).trim().replaceAll("[.!]+$", "");
            }
            if (value.isEmpty()) {
                return no("what should it say?");
            }
            String[] why = {""};
            int end = t.indexOf("say") >= 0 ? t.indexOf("say") : t.indexOf("says") >= 0 ? t.indexOf("says")
                    : t.indexOf("to") >= 0 ? t.indexOf("to") : t.size();
            List<Desktop.Cell> cells = targets(why, 0, end);
            if (cells.isEmpty()) {
                return no(why[0]);
            }
            List<Op> ops = new ArrayList<>();
            for (Desktop.Cell c : cells) {
                ops.add(new Op.Set(c.id(), Map.of(c.type().equals("Panel") ? "title" : "text", value)));
            }
            return ok(names(cells) + " now " + (cells.size() == 1 ? "says" : "say") + " \"" + value + "\"", ops);
        }

        private String quoted() {
            for (String word : t) {
                if (word.startsWith("\"") && word.length() > 2) {
                    return word.substring(1, word.length() - 1);
                }
            }
            return null;
        }

        Plan variantChange() {
            String[] pv = variant(t, desktop);
            String[] why = {""};
            List<Desktop.Cell> cells = targets(why, 0, t.size());
            if (cells.isEmpty() && !mentionsType(t, desktop)) {
                List<Desktop.Cell> able = desktop.cells().stream().filter(c -> desktop.variants()
                        .getOrDefault(c.type(), Map.of()).getOrDefault(pv[0], List.of()).contains(pv[1])).toList();
                if (able.size() == 1) {
                    cells = able;
                    implicitTarget = true;
                }
            }
            if (cells.isEmpty()) {
                return no(why[0]);
            }
            List<Op> ops = new ArrayList<>();
            for (Desktop.Cell c : cells) {
                List<String> values = desktop.variants().getOrDefault(c.type(), Map.of()).get(pv[0]);
                if (values == null || !values.contains(pv[1])) {
                    return no(c.id() + " (a " + c.type() + ") has no " + pv[0] + " " + pv[1]);
                }
                ops.add(new Op.Set(c.id(), Map.of(pv[0], pv[1])));
            }
            return ok("Set " + names(cells) + " " + pv[0] + " to " + pv[1], ops);
        }

        Plan remove() {
            String[] why = {""};
            List<Desktop.Cell> cells = targets(why, 0, t.size());
            if (cells.isEmpty()) {
                return no(why[0]);
            }
            if (cells.size() == desktop.cells().size() && !has(t, "everything", "all", "every")) {
                return no("that would remove every cell; say \"remove everything\" if you mean it");
            }
            List<Op> ops = new ArrayList<>();
            cells.forEach(c -> ops.add(new Op.Rm(c.id())));
            return ok("Removed " + names(cells), ops);
        }

        Plan move() {
            String[] why = {""};
            String[] relative = relative();
            int end = relative != null ? Integer.parseInt(relative[1]) : t.size();
            List<Desktop.Cell> cells = targets(why, 0, end);
            if (cells.isEmpty()) {
                return no(why[0]);
            }
            if (relative != null) {
                Desktop.Cell anchor = relativeTo(relative, why);
                if (anchor == null) {
                    return no(why[0]);
                }
                Desktop.Cell c = cells.get(0);
                float[] at = beside(relative[0], anchor, c);
                return ok("Moved " + c.id() + " " + relative[0] + " " + anchor.id(),
                        List.of(new Op.Move(c.id(), Math.round(at[0]) + "," + Math.round(at[1]))));
            }
            String anchor = position(t);
            if (anchor == null) {
                return Plan.notUnderstood(text, UNKNOWN + "Where to? (top-left … bottom-right, the middle, under "
                        + "or next to another cell)");
            }
            List<Op> ops = new ArrayList<>();
            cells.forEach(c -> ops.add(new Op.Move(c.id(), anchor)));
            return ok("Moved " + names(cells) + " to the " + anchor.replace('-', ' '), ops);
        }

        /** {"under"|"above"|"next to"|"left of", index where the relative phrase starts}, or null. */
        private String[] relative() {
            for (int i = 0; i < t.size(); i++) {
                String w = t.get(i);
                String kind = switch (w) {
                    case "under", "below", "beneath", "underneath" -> "under";
                    case "above", "over" -> "above";
                    case "beside" -> "next to";
                    case "next" -> i + 1 < t.size() && t.get(i + 1).equals("to") ? "next to" : null;
                    default -> null;
                };
                if (kind != null) {
                    return new String[] {kind, Integer.toString(i)};
                }
            }
            return null;
        }

        private Desktop.Cell relativeTo(String[] relative, String[] why) {
            List<Desktop.Cell> found = targets(why, Integer.parseInt(relative[1]) + 1, t.size());
            return found.size() == 1 ? found.get(0) : null;
        }

        private float[] beside(String kind, Desktop.Cell anchor, Desktop.Cell cell) {
            float gap = 16;
            return switch (kind) {
                case "under" -> new float[] {anchor.x(), anchor.y() + anchor.height() + gap};
                case "above" -> new float[] {anchor.x(), anchor.y() - cell.height() - gap};
                default -> new float[] {anchor.x() + anchor.width() + gap, anchor.y()};
            };
        }

        Plan add() {
            String type = null;
            int typeAt = -1;
            for (int i = 0; i < t.size() && type == null; i++) {
                type = type(t.get(i), desktop);
                typeAt = i;
            }
            if (type == null) {
                return no("add what? The catalog has " + String.join(", ", desktop.types().keySet()).toLowerCase(
                        Locale.ROOT));
            }
            String id = freeId(type.toLowerCase(Locale.ROOT));
            Map<String, String> props = new LinkedHashMap<>();
            String[] relative = relative();
            String at;
            String where;
            if (relative != null) {
                String[] why = {""};
                Desktop.Cell anchor = relativeTo(relative, why);
                if (anchor == null) {
                    return no(why[0]);
                }
                float[] size = desktop.types().get(type);
                float[] corner = beside(relative[0], anchor, new Desktop.Cell(id, type, 0, 0, size[0], size[1],
                        Map.of()));
                at = Math.round(corner[0]) + "," + Math.round(corner[1]);
                where = relative[0] + " " + anchor.id();
            } else {
                String anchor = position(t.subList(typeAt, t.size()));
                at = anchor == null ? "center" : anchor;
                where = "at the " + at.replace('-', ' ');
            }
            String value = quoted();
            int says = Math.max(t.indexOf("saying"), Math.max(t.indexOf("says"), t.indexOf("called")));
            if (value == null && says >= 0) {
                String lower = text.toLowerCase(Locale.ROOT);
                String marker = t.get(says);
                int i = lower.indexOf(" " + marker + " ");
                value = i < 0 ? null : text.substring(i + marker.length() + 2).trim()
                        .replaceAll("(?i)\\s+(in|at|to|on|into)\\s+(the\\s+)?(top|bottom|left|right|middle|center|"
                                + "centre|upper|lower)\\b.*$", "")
                        .replaceAll("(?i)\\s+(under|below|beneath|above|over|beside|next to)\\s+.*$", "").trim();
            }
            if (value != null) {
                props.put(type.equals("Panel") ? "title" : "text", value);
            }
            int[] used = new int[1];
            for (int i = 0; i < typeAt; i++) {
                String color = Lexicon.color(t, i, used);
                if (color != null) {
                    props.put(type.equals("Label") || type.equals("Panel") ? "background" : "color", color);
                }
            }
            String[] pv = variant(t, desktop);
            if (pv != null && desktop.variants().getOrDefault(type, Map.of()).getOrDefault(pv[0], List.of())
                    .contains(pv[1])) {
                props.put(pv[0], pv[1]);
            }
            String panel = panel(t.subList(typeAt + 1, t.size()));
            if (panel != null) {
                return ok("Added " + id + " (a " + type.toLowerCase(Locale.ROOT) + ") to the panel '" + panel + "'",
                        List.of(new Op.Spawn(id, type, "right", props, panel)));
            }
            return ok("Added " + id + " (a " + type.toLowerCase(Locale.ROOT) + ") " + where,
                    List.of(new Op.Spawn(id, type, at, props)));
        }

        private String freeId(String base) {
            if (desktop.cell(base) == null) {
                return base;
            }
            for (int n = 2; ; n++) {
                if (desktop.cell(base + "-" + n) == null) {
                    return base + "-" + n;
                }
            }
        }

        private static String names(List<Desktop.Cell> cells) {
            List<String> ids = cells.stream().map(Desktop.Cell::id).toList();
            return ids.size() <= 3 ? String.join(", ", ids) : ids.size() + " cells";
        }
    }
}
