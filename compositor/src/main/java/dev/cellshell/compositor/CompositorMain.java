package dev.cellshell.compositor;

import java.nio.file.Path;

/**
 * Entry point of the compositor process, started by the shell:
 * {@code CompositorMain --socket PATH [--scene-region PATH] [--headless] [--size WIDTHxHEIGHT]
 * [--immediate] [--surfaces] [--renderer vulkan|gl|cpu|auto]}; {@code --renderer} picks the graphics API (see
 * {@link Backend.Choice}; default auto); {@code --surfaces} makes one window per surface of the desktop (desktop,
 * panels, overlays on every monitor) instead of one window or offscreen drawable with all of them;
 * {@code --immediate} redraws every cell every frame instead of compositing cached layers (to measure the
 * difference).
 */
public final class CompositorMain {

    private CompositorMain() {
    }

    public static void main(String[] args) {
        // before any Skija class loads its library (the same files the cell hosts map); the fonts and the shaper
        // load on their own thread while the window or the GPU device opens
        dev.cellshell.text.FontLibrary.warmInBackground();
        Path socket = null;
        Path region = null;
        boolean headless = false;
        boolean surfaces = false;
        dev.cellshell.compositor.paint.Painter.Mode mode = dev.cellshell.compositor.paint.Painter.Mode.LAYERS;
        int width = 1280;
        int height = 720;
        Backend.Choice renderer = Backend.Choice.AUTO;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--socket" -> socket = Path.of(value(args, ++i, "--socket"));
                case "--scene-region" -> region = Path.of(value(args, ++i, "--scene-region"));
                case "--headless" -> headless = true;
                case "--surfaces" -> surfaces = true;
                case "--renderer" -> {
                    try {
                        renderer = Backend.Choice.parse(value(args, ++i, "--renderer"));
                    } catch (IllegalArgumentException e) {
                        usage(e.getMessage());
                    }
                }
                case "--immediate" -> mode = dev.cellshell.compositor.paint.Painter.Mode.IMMEDIATE;
                case "--size" -> {
                    String[] size = value(args, ++i, "--size").split("x");
                    if (size.length != 2) {
                        usage("--size wants WIDTHxHEIGHT, e.g. 1280x720");
                    }
                    width = Integer.parseInt(size[0]);
                    height = Integer.parseInt(size[1]);
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (socket == null) {
            usage("--socket is required");
        }
        if (surfaces && !headless && System.getenv("DISPLAY") != null) {
            System.exit(new DesktopCompositor(socket, region, renderer).run());
        }
        System.exit(new Compositor(socket, region, headless, width, height, mode, renderer).run());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("compositor: " + problem);
        System.err.println("usage: CompositorMain --socket PATH [--scene-region PATH] [--headless]"
                + " [--size WIDTHxHEIGHT] [--immediate] [--surfaces] [--renderer vulkan|gl|cpu|auto]");
        System.exit(2);
    }
}
