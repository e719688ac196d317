package dev.cellshell.shell.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closed vocabulary the rules understand: words split from a request, typos mended against the vocabulary
 * (Damerau–Levenshtein distance 1, or 2 for long words), CSS colour names and number words.
 */
final class Lexicon {

    /** Text in quotes is kept as typed and stands for one token {@code "…"}. */
    private static final Pattern QUOTED = Pattern.compile("(?<!\\w)[\"“”‘']([^\"“”‘’']+)[\"“”’'](?!\\w)");

    static final Map<String, String> COLORS = colors("""
            aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc
            black 000000 blue 0000ff blueviolet 8a2be2 brown a52a2a burlywood deb887 cadetblue 5f9ea0
            chartreuse 7fff00 chocolate d2691e coral ff7f50 cornflowerblue 6495ed crimson dc143c cyan 00ffff
            darkblue 00008b darkcyan 008b8b darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9
            darkkhaki bdb76b darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc
            darkred 8b0000 darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f
            darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff dimgray 696969
            dodgerblue 1e90ff firebrick b22222 forestgreen 228b22 fuchsia ff00ff gold ffd700 goldenrod daa520
            gray 808080 grey 808080 green 008000 greenyellow adff2f hotpink ff69b4 indianred cd5c5c indigo 4b0082
            ivory fffff0 khaki f0e68c lavender e6e6fa lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6
            lightcoral f08080 lightcyan e0ffff lightgreen 90ee90 lightgray d3d3d3 lightgrey d3d3d3 lightpink ffb6c1
            lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa lightslategray 778899 lightsteelblue b0c4de
            lightyellow ffffe0 lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000
            mediumaquamarine 66cdaa mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db
            mediumseagreen 3cb371 mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc
            mediumvioletred c71585 midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5
            navajowhite ffdead navy 000080 oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500
            orangered ff4500 orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee
            palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd
            powderblue b0e0e6 purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f royalblue 4169e1
            saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee sienna a0522d
            silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 snow fffafa springgreen 00ff7f
            steelblue 4682b4 tan d2b48c teal 008080 thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee
            wheat f5deb3 white ffffff whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32
            """);

    static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("ten", 10), Map.entry("twenty", 20), Map.entry("fifty", 50), Map.entry("hundred", 100));

    static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("last", -1),
            Map.entry("1st", 1), Map.entry("2nd", 2), Map.entry("3rd", 3), Map.entry("4th", 4));

    /** Every word the rules look for; typos are mended towards these (and the cell types and ids). */
    static final Set<String> WORDS = new TreeSet<>(List.of(
            "make", "turn", "change", "set", "add", "create", "spawn", "new", "put", "place", "open", "show", "hide",
            "remove", "delete", "close", "drop", "kill", "get", "rid", "move", "drag", "shift", "send", "push",
            "bigger", "larger", "smaller", "wider", "narrower", "taller", "shorter", "higher", "enlarge", "shrink",
            "grow", "increase", "decrease", "reduce", "double", "half", "twice", "thrice", "times", "size", "wide",
            "tall", "high", "width", "height", "pixels", "percent", "resize", "bit", "little", "slightly", "much",
            "lot", "way", "tiny", "huge", "color", "colour", "background", "text", "font", "border", "outline",
            "paint", "say", "says", "read", "reads", "rename", "title", "label", "call", "theme", "dark", "light",
            "mode", "night", "day", "switch", "arrange", "tidy", "distribute", "organize", "organise", "clean",
            "spread", "layout", "undo", "revert", "back", "everything", "all", "every", "cells", "top", "bottom",
            "left", "right", "middle", "center", "centre", "corner", "upper", "lower", "under", "below", "beneath",
            "above", "over", "next", "beside", "analog", "analogue", "digital", "seconds", "hour", "hours",
            "please", "the", "this", "that", "it", "one", "selected", "button", "clock", "panel", "into", "with",
            "without", "another", "second", "first", "third", "last", "side", "format", "style",
            // Everyday words, known so that they are never "mended" into a command word (bright → right).
            "bright", "brighter", "darker", "lighter", "here", "there", "where", "very", "some", "more", "less",
            "could", "would", "should", "want", "need", "like", "just", "also", "than", "then", "them", "they",
            "what", "when", "which", "who", "why", "how", "have", "has", "had", "been", "being", "were", "was",
            "will", "shall", "can't", "cannot", "don't", "doesn't", "it's", "i'm", "i'd", "you", "your", "yours",
            "mine", "ours", "from", "onto", "upon", "about", "again", "eyes", "hurt", "screen", "desktop",
            "looks", "look", "nice", "neat", "mess", "messy", "thing", "things", "stuff", "weather", "music",
            "play", "email", "mail", "today", "tomorrow", "read", "write", "thanks", "thank", "hello", "world",
            "time", "date", "zone", "room", "space", "little", "great", "good", "bad", "wrong", "right", "fine",
            "kind", "sort", "maybe", "perhaps", "really", "quite", "rather", "such", "same", "other", "each",
            "both", "either", "only", "even", "ever", "never", "always", "still", "already", "yet", "soon", "now",
            "take", "give", "keep", "tell", "find", "show", "used", "using", "went", "come", "done", "does", "doing",
            "sure", "okay", "yes", "news", "note", "notes", "list", "files", "file", "word", "words", "joke",
            "sandwich", "computer", "browser", "flight", "book", "french", "english", "translate", "down", "shut",
            "weather", "fix", "oops", "plz", "pls", "lights", "colours", "colors", "evenly", "nicely", "blow",
            "scale", "order", "mistake", "small", "large", "looks", "seems", "hard", "position", "bring",
            // The system around the desktop (the organelles): known, so never mended into a command word.
            "launch", "start", "run", "app", "apps", "application", "applications", "program", "programs",
            "terminal", "notifications", "notification", "disturb", "quiet", "silence", "pause", "resume", "skip",
            "previous", "song", "songs", "track", "tracks", "media", "player", "workspace", "workspaces", "battery",
            "network", "wifi", "tray", "taskbar", "bar", "minutes", "minute", "folder", "folders", "documents",
            "photos", "pictures", "downloads", "disk", "drive", "laptop", "machine", "system", "reboot", "restart",
            "erase", "wipe", "destroy", "trash", "uninstall", "data", "emails", "home"));

    private Lexicon() {
    }

    private static Map<String, String> colors(String table) {
        String[] words = table.trim().split("\\s+");
        Map<String, String> colors = new HashMap<>();
        for (int i = 0; i + 1 < words.length; i += 2) {
            colors.put(words[i], "#" + words[i + 1].toUpperCase(Locale.ROOT));
        }
        return Map.copyOf(colors);
    }

    /** A request as lower-case tokens; quoted text becomes one token {@code "text"} with its case kept. */
    static List<String> tokens(String request) {
        List<String> tokens = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(request);
        int at = 0;
        while (quoted.find()) {
            split(request.substring(at, quoted.start()), tokens);
            tokens.add("\"" + quoted.group(1) + "\"");
            at = quoted.end();
        }
        split(request.substring(at), tokens);
        return tokens;
    }

    private static void split(String text, List<String> tokens) {
        String cleaned = text.toLowerCase(Locale.ROOT).replace("colour", "color").replaceAll("\\bit['’]s\\b", "it is")
                .replaceAll("[,.!?;:()]", " ")
                .replaceAll("(\\w)['’]s\\b", "$1")
                .replaceAll("(\\d)\\s*(px|%)", "$1 $2").replaceAll("(\\d)x(\\d)", "$1 x $2");
        for (String word : cleaned.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                tokens.add(word);
            }
        }
    }

    /**
     * Mends typos: a word of 4 letters or more that is not known becomes the known word (of {@code extra} or the
     * vocabulary) it is one edit from (two for words of 8 or more), when exactly one such word exists.
     *
     * @return how many words were mended
     */
    static int mend(List<String> tokens, Set<String> extra) {
        return mend(tokens, extra, true);
    }

    /** The words a first, careful pass mends towards (besides cell ids and types): places. */
    static final Set<String> PLACES = Set.of("top", "bottom", "left", "right", "middle", "center", "centre",
            "upper", "lower", "corner");

    /** As {@link #mend(List, Set)}; without {@code verbs} only towards cell ids, types and places. */
    static int mend(List<String> tokens, Set<String> extra, boolean verbs) {
        int mended = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i);
            if (word.length() < 4 || word.startsWith("\"") || word.startsWith("#") || WORDS.contains(word)
                    || extra.contains(word) || COLORS.containsKey(word) || word.matches("[\\d.x%-]+(px)?")
                    || isPlural(word, extra)) {
                continue;
            }
            int allowed = word.length() >= 8 ? 2 : 1;
            Set<String> candidates = new TreeSet<>();
            for (Set<String> known : verbs ? List.of(WORDS, extra, COLORS.keySet()) : List.of(extra, PLACES)) {
                for (String candidate : known) {
                    if (candidate.length() >= 4 && Math.abs(candidate.length() - word.length()) <= allowed
                            && distance(word, candidate) <= allowed) {
                        candidates.add(candidate);
                    }
                }
            }
            if (candidates.size() > 1) {
                // Typos seldom change the first letter: "arange" is arrange, not orange.
                candidates.removeIf(c -> c.charAt(0) != word.charAt(0));
            }
            if (candidates.size() == 1) {
                tokens.set(i, candidates.iterator().next());
                mended++;
            }
        }
        return mended;
    }

    private static boolean isPlural(String word, Set<String> extra) {
        String singular = word.endsWith("es") && extra.contains(word.substring(0, word.length() - 2))
                ? word.substring(0, word.length() - 2) : word.substring(0, word.length() - 1);
        return word.endsWith("s") && (WORDS.contains(singular) || extra.contains(singular));
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * A colour named at tokens[i…]: {@code #rrggbb}/{@code #rgb}, a CSS name, or "dark"/"light" + a CSS name;
     * {@code null} when none. {@code used[0]} gets how many tokens it took.
     */
    static String color(List<String> tokens, int i, int[] used) {
        String word = tokens.get(i);
        if (word.matches("#[0-9a-f]{6}")) {
            used[0] = 1;
            return word.toUpperCase(Locale.ROOT);
        }
        if (word.matches("#[0-9a-f]{3}")) {
            used[0] = 1;
            return ("#" + word.charAt(1) + word.charAt(1) + word.charAt(2) + word.charAt(2) + word.charAt(3)
                    + word.charAt(3)).toUpperCase(Locale.ROOT);
        }
        if ((word.equals("dark") || word.equals("light")) && i + 1 < tokens.size()) {
            String joined = word + tokens.get(i + 1);
            if (COLORS.containsKey(joined)) {
                used[0] = 2;
                return COLORS.get(joined);
            }
            String base = COLORS.get(tokens.get(i + 1));
            if (base != null) {
                used[0] = 2;
                return shade(base, word.equals("dark") ? 0.6 : 1.4);
            }
        }
        if (COLORS.containsKey(word)) {
            used[0] = 1;
            return COLORS.get(word);
        }
        return null;
    }

    private static String shade(String hex, double factor) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int[] c = {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
        StringBuilder out = new StringBuilder("#");
        for (int v : c) {
            int shaded = factor < 1 ? (int) (v * factor) : (int) (v + (255 - v) * (factor - 1));
            out.append(String.format("%02X", Math.max(0, Math.min(255, shaded))));
        }
        return out.toString();
    }

    /** A number at token {@code word}: digits or a number word; null when none. */
    static Double number(String word) {
        if (word.matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(word);
        }
        Integer n = NUMBERS.get(word);
        return n == null ? null : n.doubleValue();
    }
}
