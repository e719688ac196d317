package dev.cellshell.widgets;

/**
 * Pictures from the workspace's {@code images/} folder (PNG or JPEG). Cell code cannot read files itself; this reads
 * only that folder. Draw one with {@code canvas.drawPicture(images.picture(name), box, Fit.CONTAIN)}: asking for it in
 * every render is cheap (the file is read again only when it changed) and no bytes travel with the drawing.
 */
public interface Images extends Service {

    /**
     * The picture {@code images/<name>}, for {@link Canvas#drawPicture}.
     *
     * @throws IllegalArgumentException when there is no such picture, the name leaves the folder, it is over 8 MB or
     *     not a PNG or JPEG
     */
    Picture picture(String name);

    /**
     * The encoded bytes of {@code images/<name>}.
     *
     * @throws IllegalArgumentException when there is no such picture, the name leaves the folder, or it is over 8 MB
     */
    byte[] read(String name);


    /** {width, height} in pixels of {@code images/<name>}. @throws IllegalArgumentException as {@link #read} */
    int[] size(String name);
}
