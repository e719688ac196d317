import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;
import java.util.List;

/**
 * The installed applications as a grid of icons with a search line: type to search (names, generic names, keywords,
 * descriptions), Enter starts the first match, Escape clears; the most used come first while the search is empty;
 * the wheel pages. Click an icon to start it.
 */
@Uses(Apps.class)
@Size(width = 380, height = 320, minWidth = 180, minHeight = 140)
public class AppGrid implements Cell {

    private static final float TILE_W = 88, TILE_H = 84;

    @State String query = "";
    @State int page;
    @State boolean focused;

    @Override
    public void render(Canvas canvas, CellContext context) {
        Apps apps = context.service(Apps.class);
        Theme theme = context.theme();
        Text text = context.text();
        Rect area = Rect.of(context);
        float pad = theme.number(Token.PADDING);
        canvas.fillRoundRect(area, theme.number(Token.RADIUS), Fill.solid(theme.color(Token.SURFACE)));
        Stack column = Stack.column(area.inset(pad), 10);
        Rect search = column.next(32);
        canvas.fillRoundRect(search, 16, Fill.solid(theme.color(Token.SURFACE_ALT)));
        canvas.strokeRoundRect(search, 16, Stroke.of(focused ? 2 : 1), focused ? theme.color(Token.PRIMARY)
                : theme.color(Token.OUTLINE));
        TextStyle style = TextStyle.of(theme.number(Token.TEXT_SIZE));
        int muted = theme.color(Token.ON_SURFACE_MUTED);
        Rect line = search.inset(14, 0);
        if (query.isEmpty()) {
            Labels.draw(canvas, text, "Search applications…", style.withColor(muted), line, Align.LEFT);
        } else {
            Labels.draw(canvas, text, query, style.withColor(theme.color(Token.ON_SURFACE)), line, Align.LEFT);
        }
        if (focused) {
            float caret = line.x() + Math.min(line.w(), text.measure(query, style)) + 1;
            canvas.drawLine(caret, search.y() + 8, caret, search.bottom() - 8, 1.5f, theme.color(Token.PRIMARY));
        }
        canvas.hitRegion("search", search, 16);
        Rect grid = column.rest();
        String why = apps.unavailable();
        if (!why.isEmpty()) {
            canvas.drawParagraph(text.layout("No applications: " + why, style.withColor(muted), grid.w(), Align.CENTER, 3),
                    grid.x(), grid.y() + 8);
            return;
        }
        int columns = Math.max(1, (int) (grid.w() / TILE_W));
        int rows = Math.max(1, (int) (grid.h() / TILE_H));
        List<App> found = apps.search(query, 500);
        int pages = Math.max(1, (found.size() + columns * rows - 1) / (columns * rows));
        int shown = Math.min(page, pages - 1);
        if (found.isEmpty()) {
            Labels.draw(canvas, text, "No application matches “" + query + "”", style.withColor(muted),
                    grid.top(40), Align.CENTER);
            return;
        }
        float tileW = grid.w() / columns;
        TextStyle name = TextStyle.of(theme.number(Token.SMALL_TEXT_SIZE)).withColor(theme.color(Token.ON_SURFACE));
        for (int i = 0; i < columns * rows; i++) {
            int index = shown * columns * rows + i;
            if (index >= found.size()) {
                break;
            }
            App app = found.get(index);
            Rect tile = Rect.of(grid.x() + (i % columns) * tileW, grid.y() + (i / columns) * TILE_H, tileW, TILE_H);
            if (index == 0 && !query.isEmpty()) {
                canvas.fillRoundRect(tile.inset(2), 10, Fill.solid(theme.color(Token.SURFACE_ALT)));
            }
            Rect icon = Rect.of(tile.centerX() - 22, tile.y() + 6, 44, 44);
            Picture picture = apps.icon(app.id(), 48);
            if (picture != null) {
                canvas.drawPicture(picture, icon, Fit.CONTAIN);
            } else {
                canvas.fillRoundRect(icon, 10, Fill.solid(theme.color(Token.PRIMARY)));
                String initial = app.name().isEmpty() ? "?" : app.name().substring(0, 1).toUpperCase(java.util.Locale.ROOT);
                Labels.draw(canvas, text, initial, TextStyle.of(20).bold().withColor(theme.color(Token.ON_PRIMARY)),
                        icon, Align.CENTER);
            }
            Labels.draw(canvas, text, app.name(), name, Rect.of(tile.x() + 4, icon.bottom() + 6, tile.w() - 8, 18),
                    Align.CENTER);
            canvas.hitRegion("app:" + app.id(), tile, 10);
        }
        if (pages > 1) {
            TextStyle small = TextStyle.of(theme.number(Token.SMALL_TEXT_SIZE)).withColor(muted);
            Labels.draw(canvas, text, (shown + 1) + " / " + pages, small, Rect.of(grid.right() - 60, area.bottom() - pad - 4,
                    60, 14), Align.RIGHT);
        }
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        Apps apps = context.service(Apps.class);
        if (event instanceof InputEvent.Focus f) {
            focused = f.gained();
            return true;
        }
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS) {
            if (p.region().startsWith("app:")) {
                apps.launch(p.region().substring(4));
                query = "";
                page = 0;
            }
            return true;
        }
        if (event instanceof InputEvent.Scroll s) {
            page = Math.max(0, page + (s.dy() < 0 ? 1 : -1));
            return true;
        }
        if (event instanceof InputEvent.Text t && query.length() < 100) {
            query += t.text();
            page = 0;
            return true;
        }
        if (event instanceof InputEvent.Key k && k.pressed()) {
            switch (k.key()) {
                case BACKSPACE -> query = query.isEmpty() ? "" : query.substring(0, query.offsetByCodePoints(
                        query.length(), -1));
                case ESCAPE -> query = "";
                case ENTER -> {
                    List<App> best = apps.search(query, 1);
                    if (!query.isEmpty() && !best.isEmpty()) {
                        apps.launch(best.get(0).id());
                        query = "";
                    }
                }
                default -> {
                    return false;
                }
            }
            page = 0;
            return true;
        }
        return false;
    }
}
