package dev.cellshell.tests;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.Callable;

/** What the X server shows against what the compositor read back ({@code cell shot}), for the window tests. */
final class ScreenComparison {

    /** The overlay's card in DesktopSurfacesEndToEndTest.TISSUE on a 1600×900 screen, and its corner radius. */
    static final int[] TOAST = {1600 - 24 - 360, 900 - 24 - 64, 360, 64, 12};

    private ScreenComparison() {
    }

    /** {@code cell shot} into {@code dir}, decoded. */
    static BufferedImage shot(RunningShell shell, java.nio.file.Path dir, String name) throws Exception {
        java.nio.file.Path file = dir.resolve(name + ".png");
        RunningShell.Result result = shell.cli("shot", file.toString());
        org.assertj.core.api.Assertions.assertThat(result.exit()).as(result.err()).isZero();
        return GoldenImages.decode(java.nio.file.Files.readAllBytes(file));
    }

    /** The X server's own screenshot of {@code crop} ({@code WxH+X+Y}), decoded. */
    static BufferedImage screen(XServer x, java.nio.file.Path dir, String name, String crop) throws Exception {
        java.nio.file.Path file = dir.resolve(name + ".png");
        x.run("import", "-window", "root", "-crop", crop, file.toString());
        return GoldenImages.decode(java.nio.file.Files.readAllBytes(file));
    }

    /** The largest channel difference between what X shows and what the compositor read back. */
    static int worst(BufferedImage onScreen, BufferedImage shot) {
        return worst(onScreen, shot, new int[0]);
    }

    /**
     * The same, leaving out the rounded corners and the anti-aliased outermost pixels of {@code card} (x, y, width,
     * height, radius): an overlay window is shaped by rectangles, and X shows black under what the card leaves
     * (partly) transparent, where the compositor's own screenshot shows the desktop.
     */
    /** Where the last comparison differed most, for the failure message. */
    static volatile String lastWorst = "";

    static int worst(BufferedImage onScreen, BufferedImage shot, int[] card) {
        lastWorst = "identical";
        org.assertj.core.api.Assertions.assertThat(onScreen.getWidth() + "x" + onScreen.getHeight()).isEqualTo(shot.getWidth() + "x" + shot.getHeight());
        int worst = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                if (card.length == 5 && inCorner(x, y, card)) {
                    continue;
                }
                int d = GoldenImages.channelDifference(onScreen.getRGB(x, y) | 0xFF000000, shot.getRGB(x, y));
                if (d > worst) {
                    worst = d;
                    lastWorst = "worst " + d + " at " + x + "," + y + ": screen #" + Integer.toHexString(
                            onScreen.getRGB(x, y) & 0xFFFFFF) + " vs shot #" + Integer.toHexString(shot.getRGB(x, y)
                            & 0xFFFFFF);
                }
            }
        }
        return worst;
    }

    static boolean inCorner(int x, int y, int[] card) {
        boolean inside = x >= card[0] && y >= card[1] && x < card[0] + card[2] && y < card[1] + card[3];
        boolean edge = x == card[0] || y == card[1] || x == card[0] + card[2] - 1 || y == card[1] + card[3] - 1;
        if (inside && edge) {
            return true;
        }
        int r = card[4];
        boolean nearX = x >= card[0] && x < card[0] + r || x >= card[0] + card[2] - r && x < card[0] + card[2];
        boolean nearY = y >= card[1] && y < card[1] + r || y >= card[1] + card[3] - r && y < card[1] + card[3];
        return nearX && nearY;
    }

    /** Where the window's drawable starts on the X screen (inside openbox's frame). */
    static int[] clientOrigin(XServer x) throws Exception {
        String info = x.run("xwininfo", "-name", "CellShell");
        return new int[] {number(info, "Absolute upper-left X"), number(info, "Absolute upper-left Y")};
    }

    static int number(String info, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label)
                + ":\\s+(-?\\d+)").matcher(info);
        if (!m.find()) {
            throw new AssertionError("no " + label + " in " + info);
        }
        return Integer.parseInt(m.group(1));
    }

    static <T> T await(String what, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.call();
                if (value != null && !Boolean.FALSE.equals(value) && !"".equals(value)) {
                    return value;
                }
            } catch (Exception | AssertionError e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : ": " + last) + " (last"
                + " screen comparison: " + lastWorst + ")", last);
    }

    /**
     * In a shell showing the demo in one window ({@code --window}): a real click on the Button reaches it, then the
     * X server shows what {@code cell shot} reads back (within 2 levels). Returns the window's size, WxH.
     */
    static String clickTheButtonAndCompare(XServer x, RunningShell shell, java.nio.file.Path dir) throws Exception {
        long scene = shell.status().presentedScene();
        int[] origin = clientOrigin(x);
        x.run("xdotool", "mousemove", Integer.toString(origin[0] + 100), Integer.toString(origin[1] + 200),
                "click", "1");
        shell.awaitPresented(scene + 2, Duration.ofSeconds(30));
        await("the click reached the Button cell", () -> shell.status().cells().stream()
                .anyMatch(c -> c.cellId().equals("button") && c.state().contains("clicks=1")));
        BufferedImage clicked = shot(shell, dir, "clicked");
        String size = clicked.getWidth() + "x" + clicked.getHeight();
        await("the X server shows what cell shot read back", () -> worst(screen(x, dir, "x-clicked",
                size + "+" + origin[0] + "+" + origin[1]), shot(shell, dir, "clicked")) <= 2);
        return size;
    }

    /** Resizes the one window to 900×500: the drawn pixels follow, and X shows what {@code cell shot} reads back. */
    static void resizeAndCompare(XServer x, RunningShell shell, java.nio.file.Path dir) throws Exception {
        x.run("xdotool", "search", "--name", "^CellShell$", "windowsize", "900", "500");
        await("the drawn pixels follow the window", () -> shot(shell, dir, "resized").getWidth() == 900);
        int[] moved = clientOrigin(x);
        await("the resized window shows what cell shot reads back", () -> worst(screen(x, dir, "x-resized",
                "900x500+" + moved[0] + "+" + moved[1]), shot(shell, dir, "resized")) <= 2);
    }
}
