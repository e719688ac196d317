package dev.cellshell.shell.workbench;

import java.util.ArrayList;
import java.util.List;

/** Find and replace in the code editor: plain text, ignoring case unless the query has a capital letter. */
final class TextSearch {

    private TextSearch() {
    }

    /** Where {@code query} occurs in {@code text}, in order, without overlaps. */
    static List<Integer> all(String text, String query) {
        List<Integer> found = new ArrayList<>();
        if (query.isEmpty()) {
            return found;
        }
        boolean ignoreCase = query.chars().noneMatch(Character::isUpperCase);
        for (int at = 0; at + query.length() <= text.length(); at++) {
            if (text.regionMatches(ignoreCase, at, query, 0, query.length())) {
                found.add(at);
                at += query.length() - 1;
            }
        }
        return found;
    }

    /** The first occurrence at or after {@code from}, wrapping round to the start; -1 when there is none. */
    static int next(String text, String query, int from) {
        List<Integer> found = all(text, query);
        return found.stream().filter(at -> at >= from).findFirst().orElse(found.isEmpty() ? -1 : found.get(0));
    }

    /** {@code text} with every occurrence of {@code query} replaced by {@code replacement}. */
    static String replaceAll(String text, String query, String replacement) {
        List<Integer> found = all(text, query);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (int at : found) {
            out.append(text, last, at).append(replacement);
            last = at + query.length();
        }
        return out.append(text, last, text.length()).toString();
    }
}
