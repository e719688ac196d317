package dev.cellshell.text;

import io.github.humbleui.skija.FontMgr;
import io.github.humbleui.skija.Typeface;
import io.github.humbleui.skija.paragraph.FontCollection;
import io.github.humbleui.skija.paragraph.TypefaceFontProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts all text is shaped with, and nothing else: the bundled DejaVu Sans and Sans Mono (from {@link NativeFiles},
 * mapped from disk) and, for the scripts and emoji they lack, Droid Sans Fallback (Chinese, Japanese, Korean) and Noto Color Emoji from the
 * Debian packages the launcher installs, looked up by path. The machine's fontconfig is never asked, so a line
 * breaks at the same place in the cell host that measures it and in the compositor that draws it, on every machine.
 */
public final class FontLibrary implements AutoCloseable {

    static final String SANS = "CellShell Sans";
    static final String MONO = "CellShell Mono";
    static final String CJK = "CellShell CJK";
    static final String HANGUL = "CellShell Hangul";
    static final String EMOJI = "CellShell Emoji";

    /** Fallback faces: family, Debian package, path. */
    private static final List<String[]> FALLBACKS = List.of(
            new String[] {CJK, "fonts-droid-fallback", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"},
            // the same package's smaller face has the Hangul syllables the full one lacks
            new String[] {HANGUL, "fonts-droid-fallback", "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf"},
            new String[] {EMOJI, "fonts-noto-color-emoji", "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"});

    private static final Logger LOG = LoggerFactory.getLogger(FontLibrary.class);
    private static volatile boolean warned;
    private static java.util.concurrent.CompletableFuture<FontLibrary> shared;

    /**
     * Starts making the process's shared library on a thread of its own, and shapes a line with it (Skia's native
     * library, the fonts, ICU and the shaper all load there): a process that will draw or measure text calls this
     * first thing, so that the work overlaps its other start-up instead of delaying its first frame. Idempotent.
     */
    public static synchronized void warmInBackground() {
        if (shared == null) {
            NativeFiles.prepare(); // before any other thread loads Skia, so every process maps the same library
            shared = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                FontLibrary library = new FontLibrary();
                try (SkiaText text = new SkiaText(library)) {
                    text.measure("Warm up: 0123456789 ABC abc", dev.cellshell.widgets.TextStyle.of(14));
                    text.layout("a few words to wrap", dev.cellshell.widgets.TextStyle.of(14).bold(), 40);
                }
                return library;
            }, runnable -> {
                Thread thread = new Thread(runnable, "text-warm-up");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    /** The process's shared library (made now when nothing warmed it); never closed. */
    public static FontLibrary shared() {
        warmInBackground();
        return shared.join();
    }

    private final TypefaceFontProvider provider = new TypefaceFontProvider();
    private final FontCollection collection = new FontCollection();
    private final List<Typeface> typefaces = new ArrayList<>();
    private final String[] sansFamilies;
    private final String[] monoFamilies;
    private final String[] emojiFirst;

    public FontLibrary() {
        Path directory = NativeFiles.prepare();
        for (String file : dev.cellshell.assets.Assets.FONT_FILES) {
            register(directory.resolve(file), file.startsWith("DejaVuSansMono") ? MONO : SANS);
        }
        List<String> fallbacks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String[] fallback : FALLBACKS) {
            Path file = Path.of(fallback[2]);
            if (Files.isReadable(file)) {
                register(file, fallback[0]);
                fallbacks.add(fallback[0]);
            } else {
                missing.add(fallback[1]);
            }
        }
        if (!missing.isEmpty() && !warned) {
            warned = true;
            LOG.warn("text in scripts DejaVu lacks (CJK, emoji) draws as boxes: install {}", missing);
        }
        collection.setAssetFontManager(provider);
        collection.setEnableFallback(false);
        sansFamilies = families(SANS, fallbacks);
        monoFamilies = families(MONO, fallbacks);
        List<String> emojiOrder = new ArrayList<>();
        if (fallbacks.contains(EMOJI)) {
            emojiOrder.add(EMOJI);
        }
        emojiOrder.addAll(java.util.Arrays.asList(sansFamilies));
        emojiFirst = emojiOrder.stream().distinct().toArray(String[]::new);
    }

    private static String[] families(String first, List<String> fallbacks) {
        List<String> all = new ArrayList<>();
        all.add(first);
        if (first.equals(MONO)) {
            all.add(SANS);
        }
        all.addAll(fallbacks);
        return all.toArray(String[]::new);
    }

    private void register(Path file, String family) {
        Typeface typeface = FontMgr.getDefault().makeFromFile(file.toString());
        if (typeface == null) {
            throw new IllegalStateException("cannot read the font " + file);
        }
        typefaces.add(typeface);
        provider.registerTypeface(typeface, family);
    }

    FontCollection collection() {
        return collection;
    }

    /** The families tried in order for each character of text in a proportional or monospace style. */
    String[] families(boolean monospace) {
        return monospace ? monoFamilies.clone() : sansFamilies.clone();
    }

    /** The families for a run of emoji: the colour face first, then as for other text. */
    String[] emojiFirst() {
        return emojiFirst.clone();
    }

    /** The face that draws most of a style's text (the first family's closest match); owned by this library. */
    public Typeface primary(boolean monospace, io.github.humbleui.skija.FontStyle style) {
        Typeface[] found = collection.findTypefaces(new String[] {monospace ? MONO : SANS}, style);
        if (found.length == 0) {
            throw new IllegalStateException("no bundled face for " + style);
        }
        return found[0];
    }

    @Override
    public void close() {
        collection.close();
        provider.close();
        typefaces.forEach(Typeface::close);
        typefaces.clear();
    }
}
