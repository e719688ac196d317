package dev.cellshell.shell.support;

import dev.cellshell.ipc.SceneMessage.Layer;
import dev.cellshell.ipc.SceneMessage.PublishScene;
import dev.cellshell.shell.tissue.SceneSink;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Canvas;
import dev.cellshell.runtime.DisplayList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The test implementation of {@link SceneSink}: keeps every published scene and reads the text cells drew. */
public final class RecordingSink implements SceneSink {

    private final List<PublishScene> scenes = new CopyOnWriteArrayList<>();

    @Override
    public void publish(PublishScene scene) {
        scenes.add(scene);
    }

    public List<PublishScene> scenes() {
        return scenes;
    }

    public PublishScene latest() {
        return scenes.get(scenes.size() - 1);
    }

    public Layer layer(String cellId) {
        return latest().layers().stream().filter(l -> l.cellId().equals(cellId)).findFirst().orElseThrow();
    }

    /** Every text run the cell's current display list draws, in order. */
    public List<String> texts(String cellId) {
        List<String> texts = new ArrayList<>();
        DisplayList.of(layer(cellId).displayList()).replay(new dev.cellshell.runtime.CanvasAdapter() {
            @Override public void drawText(String text, float x, float y, float size, int color, Align align) {
                texts.add(text);
            }

            @Override public void drawText(String text, float x, float baseline, dev.cellshell.widgets.TextStyle style,
                    Align align) {
                texts.add(text);
            }

            @Override public void drawParagraph(dev.cellshell.widgets.Paragraph paragraph, float x, float y) {
                texts.add(paragraph.text());
            }
        });
        return texts;
    }
}
