import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;
import java.util.List;

/**
 * The applications' tray icons (StatusNotifierItem) in a row, one asking for attention marked with a dot: click one
 * to activate it, middle-click for its secondary action, right-click to open its menu, which replaces the row (its
 * entries as pills; ‹ goes back).
 */
@Uses(Tray.class)
@Size(width = 180, height = 28, minWidth = 28, minHeight = 18)
public class TrayIcons implements Cell {

    @State String menuOf = "";

    @Override
    public void render(Canvas canvas, CellContext context) {
        Tray tray = context.service(Tray.class);
        Theme theme = context.theme();
        Text text = context.text();
        Rect bar = Rect.of(context);
        canvas.fillRoundRect(bar, bar.h() / 2, Fill.solid(theme.color(Token.SURFACE_ALT)));
        TextStyle style = TextStyle.of(Math.max(7, Math.min(12, bar.h() * 0.42f)));
        int muted = theme.color(Token.ON_SURFACE_MUTED);
        String why = tray.unavailable();
        List<TrayItem> items = tray.items().stream().filter(i -> !i.status().equals("Passive")).toList();
        if (!menuOf.isEmpty() && items.stream().anyMatch(i -> i.id().equals(menuOf))) {
            menu(canvas, context, tray, bar, style);
            return;
        }
        if (!why.isEmpty() || items.isEmpty()) {
            Labels.draw(canvas, text, why.isEmpty() ? "no tray icons" : "no tray", style.withColor(muted),
                    bar.inset(10, 0), Align.CENTER);
            return;
        }
        float side = bar.h() - 6;
        float x = bar.x() + bar.h() / 2 - side / 2 + 2;
        for (TrayItem item : items) {
            if (x + side > bar.right() - 4) {
                break;
            }
            Rect box = Rect.of(x, bar.y() + 3, side, side);
            Picture icon = tray.icon(item.id(), (int) side);
            if (icon != null) {
                canvas.drawPicture(icon, box, Fit.CONTAIN);
            } else {
                canvas.fillCircle(box.centerX(), box.centerY(), side * 0.4f, theme.color(Token.PRIMARY));
                String initial = item.title().isEmpty() ? "?" : item.title().substring(0, 1);
                Labels.draw(canvas, text, initial, style.withColor(theme.color(Token.ON_PRIMARY)).bold(), box, Align.CENTER);
            }
            if (item.status().equals("NeedsAttention")) {
                canvas.fillCircle(box.right() - 2, box.y() + 3, 3.5f, 0xFFBF616A);
            }
            canvas.hitRegion("item:" + item.id(), box.inset(-2), side / 2);
            x += side + 6;
        }
    }

    private void menu(Canvas canvas, CellContext context, Tray tray, Rect bar, TextStyle style) {
        Theme theme = context.theme();
        Text text = context.text();
        Rect back = Rect.of(bar.x() + 2, bar.y() + 2, bar.h() - 4, bar.h() - 4);
        Labels.draw(canvas, text, "‹", style.withSize(style.size() * 1.4f).withColor(theme.color(Token.ON_SURFACE)), back,
                Align.CENTER);
        canvas.hitRegion("back", back, back.h() / 2);
        float x = back.right() + 4;
        for (TrayMenuItem entry : tray.menu(menuOf)) {
            if (entry.separator()) {
                canvas.drawLine(x + 2, bar.y() + 6, x + 2, bar.bottom() - 6, 1, theme.color(Token.OUTLINE));
                x += 6;
                continue;
            }
            String label = (entry.checked() ? "✓ " : "") + entry.label();
            float w = text.measure(label, style) + 16;
            if (x + w > bar.right() - 2) {
                break;
            }
            Rect pill = Rect.of(x, bar.y() + 3, w, bar.h() - 6);
            canvas.fillRoundRect(pill, pill.h() / 2, Fill.solid(theme.color(Token.SURFACE)));
            Labels.draw(canvas, text, label, style.withColor(entry.enabled() ? theme.color(Token.ON_SURFACE)
                    : theme.color(Token.ON_SURFACE_MUTED)), pill.inset(8, 0), Align.CENTER);
            if (entry.enabled()) {
                canvas.hitRegion("entry:" + entry.id(), pill, pill.h() / 2);
            }
            x += w + 4;
        }
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (!(event instanceof InputEvent.Pointer p) || p.kind() != InputEvent.Pointer.Kind.PRESS) {
            return false;
        }
        Tray tray = context.service(Tray.class);
        if (p.region().equals("back")) {
            menuOf = "";
        } else if (p.region().startsWith("entry:")) {
            tray.clickMenu(menuOf, Integer.parseInt(p.region().substring(6)));
            menuOf = "";
        } else if (p.region().startsWith("item:")) {
            String id = p.region().substring(5);
            if (p.button() == 2) { // right: the menu
                menuOf = tray.items().stream().anyMatch(i -> i.id().equals(id) && i.hasMenu()) ? id : "";
            } else if (p.button() == 3) {
                tray.secondaryActivate(id, (int) p.x(), (int) p.y());
            } else {
                tray.activate(id, (int) p.x(), (int) p.y());
            }
        } else {
            menuOf = "";
        }
        return true;
    }
}
