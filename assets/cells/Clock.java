import dev.cellshell.widgets.*;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** A digital clock with the date underneath. Props: zone (e.g. Europe/Paris; default the system's), color. */
public class Clock implements Cell {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    @Override
    public void render(Canvas canvas, CellContext context) {
        String zone = context.props().string("zone", "");
        ZonedDateTime now = context.now().atZone(zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone));
        float width = context.width();
        Theme theme = context.theme();
        int color = context.props().color("color", theme.color("onSurface", Color.rgb(236, 239, 244)));
        canvas.fillRoundRect(0, 0, width, context.height(), 16, theme.color("surfaceAlt", Color.argb(220, 59, 66, 82)));
        canvas.drawText(TIME.format(now), width / 2, 52, 36, color, Align.CENTER);
        canvas.drawText(DATE.format(now), width / 2, 80, 15, theme.color("onSurfaceMuted", Color.rgb(216, 222, 233)),
                Align.CENTER);
        context.renderAgainIn(1000 - now.getNano() / 1_000_000);
    }
}
