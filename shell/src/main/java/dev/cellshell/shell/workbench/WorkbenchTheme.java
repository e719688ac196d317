package dev.cellshell.shell.workbench;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import dev.cellshell.shell.workspace.TissueSpec;
import javafx.application.Application;
import javafx.scene.Parent;

/**
 * The workbench's look: AtlantaFX's Nord theme, light or dark as the desktop is (a desktop whose background is
 * dark gets the dark workbench), switched live when the desktop's theme changes.
 */
final class WorkbenchTheme {

    private static final String LIGHT = new NordLight().getUserAgentStylesheet();
    private static final String DARK = new NordDark().getUserAgentStylesheet();

    private WorkbenchTheme() {
    }

    /** Dark when the desktop's background is (relative luminance below one half). */
    static boolean dark(TissueSpec spec) {
        int argb = spec.background();
        double r = ((argb >> 16) & 0xFF) / 255.0;
        double g = ((argb >> 8) & 0xFF) / 255.0;
        double b = (argb & 0xFF) / 255.0;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
    }

    /** Applies the theme to the whole JavaFX application and marks {@code root} {@code dark} or {@code light}. */
    static void apply(Parent root, boolean dark) {
        String wanted = dark ? DARK : LIGHT;
        if (!wanted.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(wanted);
        }
        root.getStyleClass().removeAll("dark", "light");
        root.getStyleClass().add(dark ? "dark" : "light");
    }
}
