package dev.cellshell.widgets;

import java.time.Instant;

/** What a cell may know while it renders or handles an event. */
public interface CellContext {

    /** The cell's id in the tissue, e.g. {@code "clock"}. */
    String cellId();

    /** Width of the cell's bounds in logical pixels. */
    float width();

    /** Height of the cell's bounds in logical pixels. */
    float height();

    /** The cell's props, as set in the tissue. */
    Props props();

    /** The desktop's theme: draw with its tokens, so a theme change restyles the cell. */
    default Theme theme() {
        return dev.cellshell.runtime.ThemeTokens.none();
    }

    /** Measures and lays out text with the fonts the compositor draws with. */
    default Text text() {
        throw new IllegalStateException("text measurement is not available in this context");
    }

    /** The desktop's clock: use it, not the JDK's, so screenshots and tests can freeze time. */
    Instant now();

    /** Asks for another render after {@code millis}; a clock asks once per second. */
    void renderAgainIn(long millis);

    /**
     * A service the cell declared with {@link Uses} ({@link Storage}, {@link SystemStats}, {@link Spawner},
     * {@link Notifier}, {@link Clipboard}).
     *
     * @throws IllegalStateException when the cell's class does not declare it
     */
    default <T extends Service> T service(Class<T> type) {
        throw new IllegalStateException("no services here (" + type.getSimpleName() + ")");
    }
}
