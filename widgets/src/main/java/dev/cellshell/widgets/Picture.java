package dev.cellshell.widgets;

/**
 * A picture from the workspace's {@code images/} folder as {@link Images#picture} found it: its name, its size in
 * pixels, and a key for its content. Draw it with {@link Canvas#drawPicture}: the display list carries the key, not
 * the bytes, and the desktop sends the compositor each picture once.
 */
public record Picture(String name, long key, int width, int height) {

    public Picture {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a picture has a size, not " + width + "x" + height);
        }
    }
}
