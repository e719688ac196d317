package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.compositor.paint.RasterPainter;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo desktop, from the built-in cell sources through the live compiler and the tissue to pixels: drawn
 * offscreen by the compositor's own GPU paths (Skija on Mesa: OpenGL through EGL surfaceless, and Vulkan through
 * lavapipe) and compared with one committed golden image each, and with the CPU raster reference.
 */
class DemoSceneGoldenTest {

    private static final Instant FROZEN = Instant.parse("2026-11-29T10:09:30Z");
    private static PublishScene scene;
    private static PublishScene lightScene;

    @BeforeAll
    static void renderTheDemoTissue(@TempDir Path dir) throws Exception {
        Workspace workspace = Workspace.open(dir, "demo");
        Files.writeString(workspace.tissueFile(), Files.readString(workspace.tissueFile(), StandardCharsets.UTF_8)
                .replace("\"size\" : [ 256, 96 ]", "\"size\" : [ 256, 96 ], \"props\" : { \"zone\" : \"UTC\" }"));
        List<PublishScene> published = new CopyOnWriteArrayList<>();
        ClassLoader host = DemoSceneGoldenTest.class.getClassLoader();
        try (Tissue tissue = new Tissue(workspace, new LiveCompiler(host), host, () -> FROZEN, true,
                published::add)) {
            tissue.start().get(60, TimeUnit.SECONDS);
            scene = published.get(published.size() - 1);
            tissue.setTheme("light", "test").get(60, TimeUnit.SECONDS);
            lightScene = published.get(published.size() - 1);
        }
    }

    @ParameterizedTest
    @EnumSource(OffscreenRenderer.class)
    void theDemoDesktopDrawnOnTheGpuMatchesItsGoldenImage(OffscreenRenderer renderer) throws Exception {
        GoldenImages.assertMatches(renderer.draw(scene, 1280, 720), "demo-desktop");
    }

    @ParameterizedTest
    @EnumSource(OffscreenRenderer.class)
    void theDemoDesktopInTheLightThemeMatchesItsGoldenImage(OffscreenRenderer renderer) throws Exception {
        GoldenImages.assertMatches(renderer.draw(lightScene, 1280, 720), "demo-desktop-light");
    }

    /** Each built-in cell of the demo alone, at its own size, through a GPU painter. */
    private static BufferedImage alone(PublishScene from, String cellId, OffscreenRenderer renderer) {
        var layer = from.layers().stream().filter(l -> l.cellId().equals(cellId)).findFirst().orElseThrow();
        int w = (int) Math.ceil(layer.width());
        int h = (int) Math.ceil(layer.height());
        var moved = new dev.cellshell.ipc.SceneMessage.Layer(layer.cellId(), layer.generation(),
                layer.renderVersion(), 0, 0, layer.width(), layer.height(), layer.displayList());
        return renderer.draw(new PublishScene(1, from.background(), List.of(moved)), w, h);
    }

    static java.util.stream.Stream<Arguments> cellsAndRenderers() {
        return java.util.stream.Stream.of("label", "button", "clock").flatMap(cell -> java.util.Arrays.stream(
                OffscreenRenderer.values()).map(r -> Arguments.of(cell, r)));
    }

    @ParameterizedTest(name = "{0} through {1}")
    @MethodSource("cellsAndRenderers")
    void eachBuiltInCellMatchesItsGoldenImageInBothThemes(String cellId, OffscreenRenderer renderer)
            throws Exception {
        GoldenImages.assertMatches(alone(scene, cellId, renderer), "cell-" + cellId + "-dark");
        GoldenImages.assertMatches(alone(lightScene, cellId, renderer), "cell-" + cellId + "-light");
    }

    @ParameterizedTest
    @EnumSource(OffscreenRenderer.class)
    void theSelectionOutlineAndTheStatisticsOverlayMatchTheirGoldenImage(OffscreenRenderer renderer)
            throws Exception {
        GoldenImages.assertMatches(renderer.draw(scene, 1280, 720, new dev.cellshell.compositor.paint.Decorations(
                List.of("button"), "frame 12: 1.05 ms cpu, 0.98 ms wall, 1 drawn, 2 composited, 1 rects 15360 px,"
                        + " 1 textures 7.5 MB")), "demo-desktop-decorated");
    }

    @ParameterizedTest
    @EnumSource(OffscreenRenderer.class)
    void theGpuPainterAgreesWithTheCpuReference(OffscreenRenderer renderer) {
        BufferedImage gpu = renderer.draw(scene, 1280, 720);
        BufferedImage cpu;
        try (RasterPainter painter = new RasterPainter(1280, 720)) {
            painter.paint(scene);
            cpu = GoldenImages.decode(painter.snapshotPng());
        }
        int off = 0;
        int worst = 0;
        for (int y = 0; y < 720; y++) {
            for (int x = 0; x < 1280; x++) {
                int d = GoldenImages.channelDifference(gpu.getRGB(x, y), cpu.getRGB(x, y));
                worst = Math.max(worst, d);
                off += d > 2 ? 1 : 0;
            }
        }
        assertThat(worst).as("largest channel difference (anti-aliased edges)").isLessThanOrEqualTo(64);
        assertThat(off).as("pixels off by more than 2 levels, of 921600").isLessThan(5_000);
    }
}
