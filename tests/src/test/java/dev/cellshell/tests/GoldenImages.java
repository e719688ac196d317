package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Golden-image comparison: {@code assertMatches(image, "name")} compares with
 * {@code src/test/resources/goldens/name.png} channel by channel within a tolerance. On failure the actual image and a
 * diff (red where pixels differ) are written to {@code target/goldens/}. Run with {@code -Dgoldens.update=true} to
 * rewrite the references.
 */
final class GoldenImages {

    /** Largest per-channel difference a pixel may have and still match. */
    static final int TOLERANCE = 8;
    private static final Path REFERENCES = Path.of("src", "test", "resources", "goldens");
    private static final Path FAILURES = Path.of("target", "goldens");

    private GoldenImages() {
    }

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalArgumentException("not a PNG (" + png.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@code actual} matches the golden image {@code name} within {@link #TOLERANCE} (no golden: never; when
     * updating goldens: always), without failing: for waiting until a desktop shows what it should.
     */
    static boolean matches(BufferedImage actual, String name) throws IOException {
        Path reference = REFERENCES.resolve(name + ".png");
        if (Boolean.getBoolean("goldens.update")) {
            return true;
        }
        return Files.exists(reference) && differingPixels(actual, ImageIO.read(reference.toFile())) == 0;
    }

    static void assertMatches(BufferedImage actual, String name) throws IOException {
        Path reference = REFERENCES.resolve(name + ".png");
        if (Boolean.getBoolean("goldens.update")) {
            Files.createDirectories(REFERENCES);
            ImageIO.write(actual, "png", reference.toFile());
            return;
        }
        if (!Files.exists(reference)) {
            Path written = writeFailure(actual, name + "-actual");
            fail("no golden image " + reference.toAbsolutePath() + "; the actual image is at " + written
                    + "; run with -Dgoldens.update=true to accept it");
        }
        BufferedImage expected = ImageIO.read(reference.toFile());
        if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
            Path written = writeFailure(actual, name + "-actual");
            fail(name + ": size " + actual.getWidth() + "x" + actual.getHeight() + " differs from the golden "
                    + expected.getWidth() + "x" + expected.getHeight() + "; actual written to " + written);
        }
        BufferedImage diff = new BufferedImage(actual.getWidth(), actual.getHeight(), BufferedImage.TYPE_INT_RGB);
        int off = 0;
        int worst = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                int difference = channelDifference(actual.getRGB(x, y), expected.getRGB(x, y));
                worst = Math.max(worst, difference);
                if (difference > TOLERANCE) {
                    off++;
                    diff.setRGB(x, y, 0xFF0000);
                } else {
                    diff.setRGB(x, y, (expected.getRGB(x, y) & 0xFEFEFE) >> 1);
                }
            }
        }
        if (off > 0) {
            Path actualFile = writeFailure(actual, name + "-actual");
            Path diffFile = writeFailure(diff, name + "-diff");
            fail(name + ": " + off + " pixels differ by more than " + TOLERANCE + " levels (worst " + worst
                    + "; most common colour " + mostCommon(actual) + ", the golden's " + mostCommon(expected)
                    + "); actual: " + actualFile + ", diff: " + diffFile);
        }
    }

    /** The colour most pixels have, as {@code #RRGGBB} (what a failure names: a background tells a lot). */
    static String mostCommon(BufferedImage image) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(e -> String.format(java.util.Locale.ROOT, "#%06X", e.getKey())).orElse("none");
    }

    /** Pixels of two images of the same size that differ by more than {@link #TOLERANCE}; all of them when sizes differ. */
    static long differingPixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return (long) a.getWidth() * a.getHeight();
        }
        long off = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                off += channelDifference(a.getRGB(x, y), b.getRGB(x, y)) > TOLERANCE ? 1 : 0;
            }
        }
        return off;
    }

    /** Largest difference of any channel (A, R, G, B) between two ARGB pixels. */
    static int channelDifference(int p, int q) {
        int max = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            max = Math.max(max, Math.abs((p >>> shift & 0xFF) - (q >>> shift & 0xFF)));
        }
        return max;
    }

    private static Path writeFailure(BufferedImage image, String name) throws IOException {
        Files.createDirectories(FAILURES);
        Path file = FAILURES.resolve(name + ".png").toAbsolutePath();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
