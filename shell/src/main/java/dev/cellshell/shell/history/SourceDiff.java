package dev.cellshell.shell.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import dev.cellshell.livecompiler.SourceFile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Line diffs between two versions of a cell type's files, for the audit log: {@code -}/{@code +} lines. */
public final class SourceDiff {

    private SourceDiff() {
    }

    /** SHA-256 over the files' names and texts, in name order. */
    public static String hash(List<SourceFile> files) {
        return hashTexts(texts(files));
    }

    /** The same hash over named texts (a file name → its text). */
    static String hashTexts(Map<String, String> files) {
        StringBuilder all = new StringBuilder();
        new TreeMap<>(files).forEach((name, text) -> all.append(name).append('\0').append(text).append('\0'));
        return AuditLog.sha256(all.toString());
    }

    static Map<String, String> texts(List<SourceFile> files) {
        Map<String, String> texts = new TreeMap<>();
        files.forEach(f -> texts.put(f.name(), f.text()));
        return texts;
    }

    /** What changed from {@code before} to {@code after}, file by file; empty when nothing did. */
    public static String of(List<SourceFile> before, List<SourceFile> after) {
        return ofTexts(texts(before), texts(after));
    }

    /** The same over named texts. */
    static String ofTexts(Map<String, String> old, Map<String, String> now) {
        TreeSet<String> names = new TreeSet<>(old.keySet());
        names.addAll(now.keySet());
        StringBuilder diff = new StringBuilder();
        for (String name : names) {
            String a = old.get(name);
            String b = now.get(name);
            if (!java.util.Objects.equals(a, b)) {
                diff.append("--- ").append(name).append('\n');
                lines(a == null ? new String[0] : a.split("\n", -1), b == null ? new String[0] : b.split("\n", -1),
                        diff);
            }
        }
        return diff.toString();
    }

    /**
     * Myers' O(ND) line diff (java-diff-utils): each change as its removed lines ({@code -N: text}, numbered in the old
     * text) then its added lines ({@code +N: text}, numbered in the new one). Linear in the file size when few lines
     * changed, which is the common case, also for a long {@code tissue.json}.
     */
    private static void lines(String[] a, String[] b, StringBuilder out) {
        Patch<String> patch = DiffUtils.diff(Arrays.asList(a), Arrays.asList(b));
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            Chunk<String> removed = delta.getSource();
            for (int k = 0; k < removed.size(); k++) {
                out.append('-').append(removed.getPosition() + k + 1).append(": ").append(removed.getLines().get(k))
                        .append('\n');
            }
            Chunk<String> added = delta.getTarget();
            for (int k = 0; k < added.size(); k++) {
                out.append('+').append(added.getPosition() + k + 1).append(": ").append(added.getLines().get(k))
                        .append('\n');
            }
        }
    }
}
