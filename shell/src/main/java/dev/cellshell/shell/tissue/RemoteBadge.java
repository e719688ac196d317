package dev.cellshell.shell.tissue;

import dev.cellshell.runtime.DisplayList;
import dev.cellshell.widgets.Align;
import dev.cellshell.widgets.Color;

/**
 * What a cell on another node shows while it cannot be reached: its last frame, dimmed, and a small badge saying why
 * ({@code disconnected from buildbox}). Drawn by this node's tissue, so it needs nothing from the network.
 */
final class RemoteBadge {

    static final int DIM = Color.argb(150, 0, 0, 0);
    private static final float TEXT_SIZE = 12;

    private RemoteBadge() {
    }

    static DisplayList over(DisplayList lastFrame, float width, float height, String why) {
        String text = why.length() > 64 ? why.substring(0, 63) + "…" : why;
        return DisplayList.record(c -> {
            lastFrame.replay(c);
            c.fillRoundRect(0, 0, width, height, 8, DIM);
            float badgeWidth = Math.min(width - 8, text.length() * TEXT_SIZE * 0.56f + 26);
            float top = Math.max(4, height - 28);
            c.save();
            c.clipRect(4, top, badgeWidth, 22);
            c.fillRoundRect(4, top, badgeWidth, 22, 11, Color.rgb(191, 97, 106));
            c.fillCircle(16, top + 11, 4, Color.WHITE);
            c.drawText(text, 26, top + 15.5f, TEXT_SIZE, Color.WHITE, Align.LEFT);
            c.restore();
        });
    }
}
