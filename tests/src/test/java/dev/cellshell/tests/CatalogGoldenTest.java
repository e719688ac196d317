package dev.cellshell.tests;

import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.tissue.Tissue;
import dev.cellshell.shell.workspace.Workspace;
import dev.cellshell.widgets.SystemStats;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A golden image of each catalog cell in the dark and the light theme, compiled from its built-in source by the
 * live compiler, rendered by the tissue (frozen time, fixed system figures), drawn by the GL painter and by the Vulkan
 * painter: both must match the same golden image.
 */
class CatalogGoldenTest {

    private static final Instant FROZEN = Instant.parse("2026-11-29T10:09:30Z");
    private static final String TISSUE = """
            {
              "desktop" : { "size" : [ 1280, 720 ], "background" : "#1E2430", "theme" : "dark" },
              "cells" : [
                { "id" : "panel", "type" : "Panel", "bounds" : [ 20, 20, 300, 120 ], "props" : { "title" : "Panel" } },
                { "id" : "notes", "type" : "Notes", "bounds" : [ 340, 20, 300, 200 ] },
                { "id" : "calendar", "type" : "Calendar", "bounds" : [ 660, 20, 300, 260 ],
                  "props" : { "zone" : "UTC" } },
                { "id" : "monitor", "type" : "SystemMonitor", "bounds" : [ 20, 300, 320, 200 ] },
                { "id" : "field", "type" : "TextField", "bounds" : [ 360, 300, 300, 48 ] },
                { "id" : "launcher", "type" : "Launcher", "bounds" : [ 360, 380, 420, 64 ] },
                { "id" : "hello", "type" : "Hello", "bounds" : [ 800, 300, 300, 96 ] },
                { "id" : "analog", "type" : "Clock", "bounds" : [ 980, 20, 256, 96 ],
                  "props" : { "zone" : "UTC", "style" : "analog" } },
                { "id" : "picture", "type" : "Image", "bounds" : [ 980, 460, 240, 160 ],
                  "props" : { "file" : "sample.png" } }
              ]
            }
            """;
    private static final SystemStats FIXED = new dev.cellshell.shell.tissue.FrozenSystemStats();
    private static PublishScene dark;
    private static PublishScene light;

    @BeforeAll
    static void renderTheCatalog(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tissue.json"), TISSUE);
        Files.createDirectories(dir.resolve("images"));
        BufferedImage sample = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                boolean inCircle = (x - 48) * (x - 48) + (y - 32) * (y - 32) < 400;
                sample.setRGB(x, y, inCircle ? 0xEBCB8B : (x * 255 / 96) << 16 | (y * 255 / 64) << 8 | 0x80);
            }
        }
        javax.imageio.ImageIO.write(sample, "png", dir.resolve("images/sample.png").toFile());
        List<PublishScene> published = new CopyOnWriteArrayList<>();
        ClassLoader host = CatalogGoldenTest.class.getClassLoader();
        // what SceneLink does for a compositor: the bytes of each picture a cell asks for, before the scene
        dev.cellshell.shell.tissue.SceneSink sink = new dev.cellshell.shell.tissue.SceneSink() {
            @Override
            public void publish(PublishScene scene) {
                published.add(scene);
            }

            @Override
            public void picture(long key, byte[] encoded) {
                dev.cellshell.compositor.paint.Pictures.put(key, encoded);
            }
        };
        try (Tissue tissue = new Tissue(Workspace.open(dir, "demo"), new LiveCompiler(host), host, () -> FROZEN, true,
                sink)) {
            tissue.useSystemStats(FIXED);
            tissue.start().get(60, TimeUnit.SECONDS);
            dark = published.get(published.size() - 1);
            tissue.setTheme("light", "test").get(60, TimeUnit.SECONDS);
            light = published.get(published.size() - 1);
        }
    }

    private static BufferedImage alone(PublishScene from, String cellId, OffscreenRenderer renderer) {
        Layer layer = from.layers().stream().filter(l -> l.cellId().equals(cellId)).findFirst().orElseThrow();
        Layer moved = new Layer(layer.cellId(), layer.generation(), layer.renderVersion(), 0, 0, layer.width(),
                layer.height(), layer.displayList());
        return renderer.draw(new PublishScene(1, from.background(), List.of(moved)), (int) layer.width(),
                (int) layer.height());
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cellsAndRenderers() {
        return java.util.stream.Stream.of("panel", "notes", "calendar", "monitor", "field", "launcher", "hello",
                "analog", "picture").flatMap(cell -> java.util.Arrays.stream(OffscreenRenderer.values())
                        .map(renderer -> org.junit.jupiter.params.provider.Arguments.of(cell, renderer)));
    }

    @ParameterizedTest(name = "{0} through {1}")
    @org.junit.jupiter.params.provider.MethodSource("cellsAndRenderers")
    void eachCatalogCellMatchesItsGoldenImageInBothThemes(String cellId, OffscreenRenderer renderer)
            throws Exception {
        GoldenImages.assertMatches(alone(dark, cellId, renderer), "catalog-" + cellId + "-dark");
        GoldenImages.assertMatches(alone(light, cellId, renderer), "catalog-" + cellId + "-light");
    }
}
