package dev.cellshell.shell.history;

import dev.cellshell.livecompiler.SourceFile;
import java.util.ArrayList;
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

    /** A longest-common-subsequence diff; cell files are small enough for the quadratic table. */
    private static void lines(String[] a, String[] b, StringBuilder out) {
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                changes.add("-" + (i + 1) + ": " + a[i++]);
            } else {
                changes.add("+" + (j + 1) + ": " + b[j++]);
            }
        }
        changes.forEach(c -> out.append(c).append('\n'));
    }
}
