package dev.cellshell.shell.workspace;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size a cell type declares with {@code @Size}: what it is spawned at when nobody says, and the smallest it can
 * be made. Types that declare nothing get {@link #UNDECLARED}.
 */
public record TypeSize(float width, float height, float minWidth, float minHeight) {

    /** What a type that declares no {@code @Size} is spawned at. */
    public static final TypeSize UNDECLARED = new TypeSize(240, 80, 0, 0);

    private static final Pattern ANNOTATION = Pattern.compile("@(?:dev\\.cellshell\\.widgets\\.)?Size\\s*\\(([^)]*)\\)");
    private static final Pattern MEMBER = Pattern.compile("(\\w+)\\s*=\\s*([0-9.]+)f?");

    public TypeSize {
        if (!(width > 0 && height > 0 && minWidth >= 0 && minHeight >= 0) || !Float.isFinite(width)
                || !Float.isFinite(height) || minWidth > width || minHeight > height) {
            throw new IllegalArgumentException("@Size wants a positive width and height at least as big as the"
                    + " minimum, not " + width + "x" + height + " (minimum " + minWidth + "x" + minHeight + ")");
        }
    }

    /** Reads {@code @Size(...)} from a cell's source (the catalog reads sources without compiling them). */
    public static TypeSize fromSource(String source) {
        Matcher m = ANNOTATION.matcher(source);
        if (!m.find()) {
            return UNDECLARED;
        }
        float[] v = {UNDECLARED.width, UNDECLARED.height, 0, 0};
        Matcher member = MEMBER.matcher(m.group(1));
        while (member.find()) {
            int i = index(member.group(1));
            if (i >= 0) {
                v[i] = Float.parseFloat(member.group(2));
            }
        }
        try {
            return new TypeSize(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            return UNDECLARED;
        }
    }

    /** The position of an annotation member in (width, height, minWidth, minHeight), or -1. */
    public static int index(String member) {
        return switch (member) {
            case "width" -> 0;
            case "height" -> 1;
            case "minWidth" -> 2;
            case "minHeight" -> 3;
            default -> -1;
        };
    }

    /** Null when a cell of {@code w}×{@code h} is big enough, else why not. */
    public String tooSmall(String type, float w, float h) {
        if (w + 1e-3 >= minWidth && h + 1e-3 >= minHeight) {
            return null;
        }
        return String.format(Locale.ROOT, "%s needs at least %sx%s (asked for %sx%s); it is %sx%s when no size is"
                + " given", type, n(minWidth), n(minHeight), n(w), n(h), n(width), n(height));
    }

    /** "280x250". */
    public String preferred() {
        return n(width) + "x" + n(height);
    }

    private static String n(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }
}
