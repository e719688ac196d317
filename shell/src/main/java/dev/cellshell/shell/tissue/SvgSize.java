package dev.cellshell.shell.tissue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The size an SVG says it has: its root's width and height (in px or unitless), else its viewBox's. */
final class SvgSize {

    private static final Pattern ROOT = Pattern.compile("<svg\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern WIDTH = Pattern.compile("(?<![-\\w])width\\s*=\\s*[\"']\\s*([0-9.]+)\\s*(px)?\\s*[\"']");
    private static final Pattern HEIGHT = Pattern.compile("(?<![-\\w])height\\s*=\\s*[\"']\\s*([0-9.]+)\\s*(px)?\\s*[\"']");
    private static final Pattern VIEW_BOX = Pattern.compile(
            "\\bviewBox\\s*=\\s*[\"']\\s*[-0-9.]+[\\s,]+[-0-9.]+[\\s,]+([0-9.]+)[\\s,]+([0-9.]+)\\s*[\"']");

    private SvgSize() {
    }

    /** {width, height}, or null when {@code bytes} is not an SVG or says no size. */
    static int[] of(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        Matcher root = ROOT.matcher(head);
        if (!head.stripLeading().startsWith("<") || !root.find()) {
            return null;
        }
        String attributes = root.group(1);
        Matcher w = WIDTH.matcher(attributes);
        Matcher h = HEIGHT.matcher(attributes);
        if (w.find() && h.find()) {
            return size(w.group(1), h.group(1));
        }
        Matcher box = VIEW_BOX.matcher(attributes);
        return box.find() ? size(box.group(1), box.group(2)) : null;
    }

    private static int[] size(String w, String h) {
        try {
            int width = (int) Math.round(Double.parseDouble(w));
            int height = (int) Math.round(Double.parseDouble(h));
            return width > 0 && height > 0 && width <= 4096 && height <= 4096 ? new int[] {width, height} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
