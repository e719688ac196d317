import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;
import java.util.ArrayList;
import java.util.List;

/**
 * The panel's application launcher: a row of icons, the pinned applications first (the {@code pinned} prop: desktop
 * entry ids, comma-separated), then the most used ones, as many as fit. Click one to start it.
 */
@Uses(Apps.class)
@Size(width = 220, height = 28, minWidth = 28, minHeight = 18)
@Prop(name = "pinned", doc = "desktop entry ids shown first, comma-separated (e.g. org.mozilla.firefox,xterm)")
public class AppDock implements Cell {

    private static final String PINNED = "pinned";

    @Override
    public void render(Canvas canvas, CellContext context) {
        Apps apps = context.service(Apps.class);
        Theme theme = context.theme();
        Text text = context.text();
        Rect bar = Rect.of(context);
        canvas.fillRoundRect(bar, bar.h() / 2, Fill.solid(theme.color(Token.SURFACE_ALT)));
        TextStyle style = TextStyle.of(Math.max(7, Math.min(12, bar.h() * 0.42f)));
        int muted = theme.color(Token.ON_SURFACE_MUTED);
        if (!apps.unavailable().isEmpty()) {
            Labels.draw(canvas, text, "no applications", style.withColor(muted), bar.inset(8, 0), Align.CENTER);
            return;
        }
        float side = bar.h() - 6;
        int fit = Math.max(0, (int) ((bar.w() - bar.h() / 2) / (side + 6)));
        List<App> shown = shown(apps, context.props().string(PINNED, ""), fit);
        if (shown.isEmpty()) {
            Labels.draw(canvas, text, "no applications", style.withColor(muted), bar.inset(8, 0), Align.CENTER);
            return;
        }
        float x = bar.x() + bar.h() / 4 + 2;
        for (App app : shown) {
            Rect box = Rect.of(x, bar.y() + 3, side, side);
            Picture icon = apps.icon(app.id(), (int) side);
            if (icon != null) {
                canvas.drawPicture(icon, box, Fit.CONTAIN);
            } else {
                canvas.fillRoundRect(box, side / 4, Fill.solid(theme.color(Token.PRIMARY)));
                String initial = app.name().isEmpty() ? "?" : app.name().substring(0, 1);
                Labels.draw(canvas, text, initial, style.withColor(theme.color(Token.ON_PRIMARY)).bold(), box,
                        Align.CENTER);
            }
            canvas.hitRegion(app.id(), box.inset(-2), side / 4);
            x += side + 6;
        }
    }

    /** The pinned applications that are installed, then the most used, at most {@code fit}. */
    static List<App> shown(Apps apps, String pinned, int fit) {
        List<App> all = apps.all();
        List<App> shown = new ArrayList<>();
        for (String id : pinned.split(",")) {
            all.stream().filter(a -> a.id().equals(id.strip())).findFirst().ifPresent(a -> {
                if (!shown.contains(a)) {
                    shown.add(a);
                }
            });
        }
        for (App app : apps.search("", fit)) {
            if (!shown.contains(app)) {
                shown.add(app);
            }
        }
        return shown.size() <= fit ? shown : shown.subList(0, fit);
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS && p.button() == 1
                && !p.region().isEmpty()) {
            context.service(Apps.class).launch(p.region());
        }
        return false;
    }
}
