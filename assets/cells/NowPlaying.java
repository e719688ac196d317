import dev.cellshell.widgets.*;
import dev.cellshell.widgets.kit.*;

/**
 * What a media player (MPRIS) is playing: artwork, title, artist and album, how far in, and previous, play/pause and
 * next. It follows the player that plays (or played last); the time moves while it plays.
 */
@Uses(Media.class)
@Size(width = 340, height = 96, minWidth = 180, minHeight = 56)
public class NowPlaying implements Cell {

    @Override
    public void render(Canvas canvas, CellContext context) {
        Media media = context.service(Media.class);
        Theme theme = context.theme();
        Text text = context.text();
        Rect area = Rect.of(context);
        float pad = Math.min(theme.number(Token.PADDING), area.h() / 6);
        canvas.fillRoundRect(area, theme.number(Token.RADIUS), Fill.solid(theme.color(Token.SURFACE)));
        int muted = theme.color(Token.ON_SURFACE_MUTED);
        TextStyle small = TextStyle.of(theme.number(Token.SMALL_TEXT_SIZE)).withColor(muted);
        var players = media.players();
        Rect inner = area.inset(pad);
        Rect art = Rect.of(inner.x(), inner.y(), inner.h(), inner.h());
        if (players.isEmpty()) {
            drawNote(canvas, art, theme);
            String why = media.unavailable();
            Labels.draw(canvas, text, why.isEmpty() ? "Nothing is playing" : "No media players: " + why, small,
                    inner.rightOf(art.w() + pad), Align.LEFT);
            return;
        }
        MediaPlayer player = players.get(0);
        Picture artwork = media.artwork(player.id());
        if (artwork != null) {
            canvas.save();
            canvas.clipRoundRect(art, 8);
            canvas.drawPicture(artwork, art, Fit.COVER);
            canvas.restore();
        } else {
            drawNote(canvas, art, theme);
        }
        Rect info = inner.rightOf(art.w() + pad);
        float lineH = text.metrics(small).lineHeight();
        TextStyle title = TextStyle.of(theme.number(Token.TEXT_SIZE)).bold().withColor(theme.color(Token.ON_SURFACE));
        float titleH = text.metrics(title).lineHeight();
        Labels.draw(canvas, text, player.title().isEmpty() ? player.identity() : player.title(), title,
                Rect.of(info.x(), info.y(), info.w(), titleH), Align.LEFT);
        String by = player.artist() + (player.album().isEmpty() ? "" : (player.artist().isEmpty() ? "" : " · ")
                + player.album());
        Labels.draw(canvas, text, by.isEmpty() ? player.identity() : by, small,
                Rect.of(info.x(), info.y() + titleH, info.w(), lineH), Align.LEFT);
        boolean playing = player.status().equals("Playing");
        float controlsY = info.bottom() - 24;
        if (player.lengthMicros() > 0 && info.h() > titleH + lineH + 30) {
            float barY = info.y() + titleH + lineH + 6;
            double done = Math.min(1, player.positionMicros() / (double) player.lengthMicros());
            canvas.fillRoundRect(Rect.of(info.x(), barY, info.w() - 84, 4), 2, Fill.solid(theme.color(Token.SURFACE_ALT)));
            canvas.fillRoundRect(Rect.of(info.x(), barY, (float) ((info.w() - 84) * done), 4), 2,
                    Fill.solid(theme.color(Token.PRIMARY)));
            Labels.draw(canvas, text, time(player.positionMicros()) + " / " + time(player.lengthMicros()), small,
                    Rect.of(info.right() - 80, barY - lineH / 2 + 2, 80, lineH), Align.RIGHT);
        }
        if (player.canControl()) {
            int ink = theme.color(Token.ON_SURFACE);
            Rect prev = Rect.of(info.x(), controlsY, 24, 24);
            Rect play = Rect.of(info.x() + 32, controlsY, 24, 24);
            Rect next = Rect.of(info.x() + 64, controlsY, 24, 24);
            canvas.fillPath(new Path().moveTo(prev.right() - 6, prev.y() + 6).lineTo(prev.x() + 9, prev.centerY())
                    .lineTo(prev.right() - 6, prev.bottom() - 6).close(), Fill.solid(ink));
            canvas.fillRect(prev.x() + 6, prev.y() + 6, 2.5f, 12, ink);
            canvas.fillCircle(play.centerX(), play.centerY(), 12, theme.color(Token.PRIMARY));
            int onPrimary = theme.color(Token.ON_PRIMARY);
            if (playing) {
                canvas.fillRect(play.centerX() - 5, play.y() + 7, 3.5f, 10, onPrimary);
                canvas.fillRect(play.centerX() + 1.5f, play.y() + 7, 3.5f, 10, onPrimary);
            } else {
                canvas.fillPath(new Path().moveTo(play.centerX() - 3.5f, play.y() + 6.5f).lineTo(play.centerX() + 6,
                        play.centerY()).lineTo(play.centerX() - 3.5f, play.bottom() - 6.5f).close(), Fill.solid(onPrimary));
            }
            canvas.fillPath(new Path().moveTo(next.x() + 6, next.y() + 6).lineTo(next.right() - 9, next.centerY())
                    .lineTo(next.x() + 6, next.bottom() - 6).close(), Fill.solid(ink));
            canvas.fillRect(next.right() - 8.5f, next.y() + 6, 2.5f, 12, ink);
            canvas.hitRegion("previous", prev, 12);
            canvas.hitRegion("playPause", play, 12);
            canvas.hitRegion("next", next, 12);
        }
        if (playing) {
            context.renderAgainIn(1000);
        }
    }

    private static void drawNote(Canvas canvas, Rect art, Theme theme) {
        canvas.fillRoundRect(art, 8, Fill.linear(art.x(), art.y(), art.right(), art.bottom(),
                theme.color(Token.PRIMARY), theme.color(Token.PRIMARY_PRESSED)));
        int ink = theme.color(Token.ON_PRIMARY);
        float s = art.w() / 48f;
        canvas.fillCircle(art.x() + 19 * s, art.y() + 33 * s, 5 * s, ink);
        canvas.fillRect(art.x() + 22 * s, art.y() + 12 * s, 2.5f * s, 21 * s, ink);
        canvas.fillPath(new Path().moveTo(art.x() + 22 * s, art.y() + 12 * s).lineTo(art.x() + 33 * s, art.y() + 16 * s)
                .lineTo(art.x() + 33 * s, art.y() + 20 * s).lineTo(art.x() + 24.5f * s, art.y() + 17 * s).close(),
                Fill.solid(ink));
    }

    static String time(long micros) {
        long seconds = micros / 1_000_000;
        return seconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", seconds % 60);
    }

    @Override
    public boolean onEvent(InputEvent event, CellContext context) {
        if (event instanceof InputEvent.Pointer p && p.kind() == InputEvent.Pointer.Kind.PRESS && !p.region().isEmpty()) {
            Media media = context.service(Media.class);
            var players = media.players();
            if (players.isEmpty()) {
                return false;
            }
            String id = players.get(0).id();
            switch (p.region()) {
                case "previous" -> media.previous(id);
                case "next" -> media.next(id);
                default -> media.playPause(id);
            }
        }
        return false;
    }
}
