package dev.cellshell.compositor.paint;

import dev.cellshell.ipc.SceneMessage.PublishScene;
import io.github.humbleui.skija.Surface;

/** What the GPU and the CPU painter share: a Skija surface, the scene painter, timing, closing. */
abstract class SurfacePainter implements Painter {

    private final ScenePainter scenes;
    private boolean closed;

    SurfacePainter(LayerSource source) {
        this.scenes = new ScenePainter(source);
    }

    /** The surface scenes are drawn on. */
    abstract Surface surface();

    /** Makes the drawn frame visible (flush and present for the GPU; nothing for the CPU). */
    abstract void present();

    /** Releases what the implementation owns besides the surface. */
    abstract void release();

    @Override
    public int width() {
        return surface().getWidth();
    }

    @Override
    public int height() {
        return surface().getHeight();
    }

    @Override
    public long paint(PublishScene scene) {
        long start = System.nanoTime();
        scenes.paint(surface().getCanvas(), scene);
        present();
        return System.nanoTime() - start;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            scenes.close();
            surface().close();
            release();
        }
    }
}
