import dev.cellshell.widgets.*;

/** A picture from the workspace's images/ folder, fitted inside the cell. Props: file, fit (contain, cover). */
@Uses(Images.class)
@Size(width = 320, height = 240, minWidth = 96, minHeight = 72)
public class Image implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Theme theme = context.theme();
        float w = context.width();
        float h = context.height();
        canvas.fillRoundRect(0, 0, w, h, 12, theme.color("surface", Color.rgb(46, 52, 64)));
        String file = context.props().string("file", "");
        if (file.isEmpty()) {
            int muted = theme.color("onSurfaceMuted", Color.rgb(150, 150, 150));
            // Two short lines, each shrunk (about 0.6 em per character) until it fits the cell's width.
            String first = "No picture yet";
            String second = "cell set " + context.cellId() + " file=NAME";
            float size = Math.max(7, Math.min(14, (w - 24) / (second.length() * 0.6f)));
            canvas.drawText(first, w / 2, h / 2 - size * 0.4f, size * 1.15f, muted, Align.CENTER);
            canvas.drawText(second, w / 2, h / 2 + size * 1.3f, size, muted, Align.CENTER);
            return;
        }
        Images images = context.service(Images.class);
        int[] size = images.size(file);
        float scale = context.props().string("fit", "contain").equals("cover")
                ? Math.max(w / size[0], h / size[1]) : Math.min((w - 16) / size[0], (h - 16) / size[1]);
        float iw = size[0] * scale;
        float ih = size[1] * scale;
        canvas.save();
        canvas.clipRect(0, 0, w, h);
        canvas.drawImage(images.read(file), (w - iw) / 2, (h - ih) / 2, iw, ih);
        canvas.restore();
    }
}
