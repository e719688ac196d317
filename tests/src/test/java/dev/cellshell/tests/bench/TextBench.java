package dev.cellshell.tests.bench;

import dev.cellshell.compositor.paint.LayerSource;
import dev.cellshell.compositor.paint.Painter;
import dev.cellshell.compositor.paint.RasterPainter;
import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.runtime.DisplayList;
import dev.cellshell.runtime.Recorder;
import dev.cellshell.text.SkiaText;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import dev.cellshell.widgets.Fill;
import dev.cellshell.widgets.Paragraph;
import dev.cellshell.widgets.Path;
import dev.cellshell.widgets.Rect;
import dev.cellshell.widgets.Shadow;
import dev.cellshell.widgets.Stroke;
import dev.cellshell.widgets.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What Cell API v2's text and drawing cost (issue 17). Prints JSON:
 * <ul>
 * <li>a 2,000-word paragraph measured and laid out in 400 units ({@link SkiaText#layout}, what a cell calls in the
 * cell host): text it has not seen (shaped and laid out, as after every edit), a width it has not seen (laid out
 * again, as when the cell is resized every frame) and cached (the same inputs again, as in every other frame);</li>
 * <li>the encoded size of one call of each display-list operation;</li>
 * <li>a text grid of 25 rows × 40 columns (1,000 glyphs, a terminal screen's worth) in a monospace style: recording it
 * (the cell host), decoding and checking it ({@code DisplayList.of}, what the shell and the compositor do with every
 * list), publishing it (written into a slot of the shared scene region and read back, as the shell and the
 * compositor do), and painting it with the damage-driven painter on Skia's CPU raster — the whole grid new, then one row
 * changed, so that the second is a fraction of the first.</li>
 * </ul>
 * Run: {@code ./cell textbench}.
 */
public final class TextBench {

    private static final int ROWS = 25;
    private static final int COLUMNS = 40;
    private static final TextStyle MONO = TextStyle.of(14).withMonospace(true).withColor(0xFFD8DEE9);

    private TextBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (SkiaText text = new SkiaText()) {
            out.put("paragraph_2000_words", paragraph(text));
        }
        out.put("op_bytes", operationSizes());
        out.put("text_grid_1000_glyphs", grid());
        System.out.println(Json.of(out));
    }

    private static Map<String, Object> paragraph(SkiaText text) {
        String words = words(2000);
        TextStyle body = TextStyle.of(14);
        for (int i = 0; i < 20; i++) {
            text.layout(words, body, 300 + i, Align.LEFT, 0);
        }
        double[] uncached = new double[40];
        Paragraph last = null;
        for (int i = 0; i < uncached.length; i++) {
            long start = System.nanoTime();
            last = text.layout(words, body, 400 + (i + 1) * 0.25f, Align.LEFT, 0);
            uncached[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] fresh = new double[40];
        for (int i = 0; i < fresh.length; i++) {
            String other = words + " again" + i;
            long start = System.nanoTime();
            text.layout(other, body, 400, Align.LEFT, 0);
            fresh[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] cached = new double[2000];
        for (int i = 0; i < cached.length; i++) {
            long start = System.nanoTime();
            text.layout(words, body, 400 + 0.25f, Align.LEFT, 0);
            cached[i] = (System.nanoTime() - start) / 1e6;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("characters", words.length());
        result.put("lines", last.lineCount());
        result.put("new_text_shaped_and_laid_out_ms_p50", median(fresh));
        result.put("new_text_shaped_and_laid_out_ms_p95", percentile(fresh, 0.95));
        result.put("new_width_laid_out_ms_p50", median(uncached));
        result.put("new_width_laid_out_ms_p95", percentile(uncached, 0.95));
        result.put("cached_us_p50", median(cached) * 1000);
        return result;
    }

    static String words(int count) {
        String[] pool = {"the", "desktop", "is", "made", "of", "live", "cells", "whose", "code", "changes", "while",
            "it", "runs", "and", "text", "wraps", "between", "words", "to", "width", "measured", "drawn", "same",
            "fonts", "paragraph", "shaper", "Skia", "layout"};
        Random random = new Random(17);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : " ").append(pool[random.nextInt(pool.length)]);
        }
        return s.toString();
    }

    private static Map<String, Integer> operationSizes() {
        Map<String, Consumer<Canvas>> ops = new LinkedHashMap<>();
        Rect box = Rect.of(10, 10, 100, 40);
        ops.put("fillRect", c -> c.fillRect(0, 0, 10, 10, 0xFF000000));
        ops.put("fillRoundRect(solid)", c -> c.fillRoundRect(box, 8, Fill.solid(0xFF000000)));
        ops.put("fillRoundRect(linear, 2 colours)", c -> c.fillRoundRect(box, 8, Fill.linear(0, 0, 0, 40, 1, 2)));
        ops.put("strokeRoundRect(dashed)", c -> c.strokeRoundRect(box, 8, Stroke.of(2).withDash(4, 2), 1));
        ops.put("drawText(\"Hello\", style)", c -> c.drawText("Hello", 0, 20, MONO, Align.LEFT));
        ops.put("drawText(40 chars, style)", c -> c.drawText("x".repeat(COLUMNS), 0, 20, MONO, Align.LEFT));
        ops.put("drawParagraph(100 chars)", c -> c.drawParagraph(new Paragraph("y".repeat(100), MONO, 200,
                Align.LEFT, 0, 0, 0, List.of(), false), 0, 0));
        ops.put("fillPath(10 lines)", c -> {
            Path path = new Path().moveTo(0, 0);
            for (int i = 0; i < 10; i++) {
                path.lineTo(i * 10, i % 2 * 10);
            }
            c.fillPath(path, Fill.solid(1));
        });
        ops.put("drawShadow", c -> c.drawShadow(box, 8, new Shadow(0, 4, 8, 0x40000000)));
        ops.put("blurBehind", c -> c.blurBehind(box, 8, 6));
        ops.put("saveLayer", c -> c.saveLayer(0.5f));
        ops.put("clipRoundRect", c -> c.clipRoundRect(box, 8));
        ops.put("hitRegion(\"close\")", c -> c.hitRegion("close", box, 8));
        Map<String, Integer> sizes = new LinkedHashMap<>();
        ops.forEach((name, op) -> sizes.put(name, DisplayList.record(op).size() - 1));
        return sizes;
    }

    /** The grid's rows; row {@code changed} (or none, -1) says something else. */
    static Consumer<Canvas> grid(String[] rows) {
        return c -> {
            c.fillRect(0, 0, COLUMNS * 8.5f + 16, ROWS * 17 + 16, 0xFF2E3440);
            for (int r = 0; r < rows.length; r++) {
                c.drawText(rows[r], 8, 8 + 13 + r * 17, MONO, Align.LEFT);
            }
        };
    }

    private static Map<String, Object> grid() throws java.io.IOException {
        String[] rows = new String[ROWS];
        Random random = new Random(3);
        for (int r = 0; r < ROWS; r++) {
            char[] line = new char[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                line[c] = (char) ('!' + random.nextInt(90));
            }
            rows[r] = new String(line);
        }
        float w = COLUMNS * 8.5f + 16;
        float h = ROWS * 17 + 16;
        int runs = 60;
        double[] record = new double[runs];
        double[] decode = new double[runs];
        double[] publish = new double[runs];
        double[] full = new double[runs];
        double[] oneRow = new double[runs];
        int bytes = 0;
        int fullDamage = 0;
        int rowDamage = 0;
        java.nio.file.Path shm = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("/dev/shm"),
                "textbench");
        try (RasterPainter painter = new RasterPainter(1280, 720, LayerSource.inline(), Painter.Mode.LAYERS);
                dev.cellshell.ipc.SceneRegion region = dev.cellshell.ipc.SceneRegion.create(shm.resolve("scene.shm"),
                        4, 64 * 1024);
                dev.cellshell.ipc.SceneRegion reader = dev.cellshell.ipc.SceneRegion.attach(
                        shm.resolve("scene.shm"))) {
            long version = 1;
            for (int i = 0; i < runs; i++) {
                String[] fresh = rows.clone();
                for (int r = 0; r < ROWS; r++) {
                    fresh[r] = rotate(rows[r], i + 1);
                }
                long start = System.nanoTime();
                Recorder recorder = new Recorder();
                grid(fresh).accept(recorder);
                byte[] list = recorder.finish().bytes();
                record[i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                DisplayList.of(list);
                decode[i] = (System.nanoTime() - start) / 1e6;
                // published as the shell does: into a slot of the shared scene region, read back by the compositor
                start = System.nanoTime();
                region.write(i % 4, i + 1, list);
                byte[] read = reader.read(i % 4, i + 1).orElseThrow();
                publish[i] = (System.nanoTime() - start) / 1e6;
                if (read.length != list.length) {
                    throw new IllegalStateException("the region gave back " + read.length + " bytes");
                }
                bytes = list.length;
                Painter.Frame all = painter.paint(scene(version++, list, w, h));
                full[i] = all.processCpuNanos() / 1e6;
                fullDamage = (int) all.damagePixels();
                painter.warm(64); // what the compositor does while its inbox is empty
                String[] oneChanged = fresh.clone();
                oneChanged[ROWS / 2] = rotate(fresh[ROWS / 2], 7);
                byte[] changed = DisplayList.record(grid(oneChanged)).bytes();
                Painter.Frame row = painter.paint(scene(version++, changed, w, h));
                oneRow[i] = row.processCpuNanos() / 1e6;
                rowDamage = (int) row.damagePixels();
            }
        }
        java.nio.file.Files.deleteIfExists(shm.resolve("scene.shm"));
        java.nio.file.Files.deleteIfExists(shm);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", ROWS);
        result.put("columns", COLUMNS);
        result.put("display_list_bytes", bytes);
        result.put("record_ms_p50", median(record));
        result.put("decode_and_check_ms_p50", median(decode));
        result.put("publish_through_shared_memory_ms_p50", median(publish));
        result.put("paint_all_rows_new_cpu_ms_p50", median(full));
        result.put("paint_one_row_changed_cpu_ms_p50", median(oneRow));
        result.put("one_row_over_all_rows", median(oneRow) / median(full));
        result.put("damage_pixels_all_rows", fullDamage);
        result.put("damage_pixels_one_row", rowDamage);
        return result;
    }

    private static PublishScene scene(long version, byte[] list, float w, float h) {
        return new PublishScene(version, 0xFF101820, List.of(new Layer("grid", 1, version, 40, 40, w, h, list)));
    }

    private static String rotate(String s, int by) {
        int k = by % s.length();
        return s.substring(k) + s.substring(0, k);
    }

    static double median(double[] values) {
        return percentile(values, 0.5);
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    /** Just enough JSON for numbers, strings and nested maps. */
    static final class Json {
        static String of(Object value) {
            if (value instanceof Map<?, ?> map) {
                List<String> parts = new ArrayList<>();
                map.forEach((k, v) -> parts.add("\"" + k.toString().replace("\"", "\\\"") + "\": " + of(v)));
                return "{" + String.join(", ", parts) + "}";
            }
            if (value instanceof Double d) {
                return String.format(Locale.ROOT, "%.4f", d);
            }
            if (value instanceof String s) {
                return "\"" + s + "\"";
            }
            return String.valueOf(value);
        }
    }
}
