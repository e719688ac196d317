package dev.cellshell.widgets;

/**
 * Pictures from the workspace's {@code images/} folder (PNG or JPEG), for {@link Canvas#drawImage}. Cell code
 * cannot read files itself; this reads only that folder.
 */
public interface Images extends Service {

    /**
     * The encoded bytes of {@code images/<name>}.
     *
     * @throws IllegalArgumentException when there is no such picture, the name leaves the folder, or it is over 8 MB
     */
    byte[] read(String name);

    /** {width, height} in pixels of {@code images/<name>}. @throws IllegalArgumentException as {@link #read} */
    int[] size(String name);
}
