import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/** The network (NetworkManager): Wi-Fi strength as bars or a wired plug, the connection's name, offline or limited. */
@Uses(Network.class)
@Size(width = 180, height = 28, minWidth = 40, minHeight = 16)
public class NetworkIndicator implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        NetworkStatus net = context.service(Network.class).status();
        Theme theme = context.theme();
        Text text = context.text();
        Rect bar = Rect.of(context);
        canvas.fillRoundRect(bar, bar.h() / 2, Fill.solid(theme.color(Token.SURFACE_ALT)));
        TextStyle style = TextStyle.of(Math.max(7, Math.min(12, bar.h() * 0.45f)));
        int ink = theme.color(Token.ON_SURFACE);
        int muted = theme.color(Token.ON_SURFACE_MUTED);
        if (!net.unavailable().isEmpty()) {
            Labels.draw(canvas, text, "no network info", style.withColor(muted), bar.inset(8, 0), Align.CENTER);
            return;
        }
        boolean online = net.connectivity().equals("full");
        Rect glyph = Rect.of(bar.x() + bar.h() / 2 - 2, bar.y() + bar.h() * 0.2f, bar.h() * 0.75f, bar.h() * 0.6f);
        if (net.kind().equals("wifi")) {
            int bars = net.wifiStrength() >= 75 ? 4 : net.wifiStrength() >= 50 ? 3 : net.wifiStrength() >= 25 ? 2 : 1;
            float bw = glyph.w() / 5.5f;
            for (int i = 0; i < 4; i++) {
                float bh = glyph.h() * (i + 1) / 4f;
                canvas.fillRoundRect(Rect.of(glyph.x() + i * bw * 1.4f, glyph.bottom() - bh, bw, bh), 1,
                        Fill.solid(i < bars ? ink : theme.color(Token.OUTLINE)));
            }
        } else if (!net.kind().isEmpty()) {
            float cx = glyph.centerX();
            canvas.strokeRoundRect(Rect.of(cx - glyph.h() * 0.4f, glyph.y(), glyph.h() * 0.8f, glyph.h() * 0.6f), 2,
                    Stroke.of(1.4f), ink);
            canvas.drawLine(cx, glyph.y() + glyph.h() * 0.6f, cx, glyph.bottom(), 1.4f, ink);
        } else {
            canvas.drawLine(glyph.x(), glyph.y(), glyph.right(), glyph.bottom(), 1.6f, muted);
            canvas.drawLine(glyph.right(), glyph.y(), glyph.x(), glyph.bottom(), 1.6f, muted);
        }
        String label = net.connection().isEmpty() ? "offline" : net.connection()
                + (online ? "" : " (" + net.connectivity() + ")");
        Rect right = bar.rightOf(glyph.right() - bar.x() + 8);
        Labels.draw(canvas, text, label, style.withColor(net.connection().isEmpty() ? muted : ink),
                right.left(Math.max(0, right.w() - bar.h() / 3)), Align.LEFT);
    }
}
