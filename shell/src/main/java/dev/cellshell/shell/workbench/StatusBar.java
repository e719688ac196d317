package dev.cellshell.shell.workbench;

import dev.cellshell.shell.tissue.SwapOutcome;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * The status bar: what just happened (left), then the last swap (generation, compile ms, edit→pixel ms), the
 * compositor's last frame time and its state, refreshed once a second.
 */
final class StatusBar extends HBox {

    private final Label message = new Label("Select a cell to edit its source.");
    private final Label swap = new Label("no swap yet");
    private final Label frame = new Label();
    private final Label compositor = new Label();
    private final DesktopLink desktop;

    StatusBar(DesktopLink desktop) {
        super(16);
        this.desktop = desktop;
        setId("status-bar");
        message.setId("status");
        swap.setId("swap-figures");
        frame.setId("frame-time");
        compositor.setId("compositor-state");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        getChildren().addAll(message, swap, frame, compositor);
        javafx.animation.Timeline poll = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                Duration.seconds(1), e -> poll()));
        poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
        sceneProperty().addListener((o, before, now) -> {
            if (now == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        poll();
    }

    Label message() {
        return message;
    }

    void say(String text) {
        message.setText(text);
    }

    /** Whether the message is {@code text} now. */
    boolean says(String text) {
        return message.getText().equals(text);
    }

    /**
     * Shows a successful swap's figures; the edit→pixel time follows when the compositor presents the new scene.
     *
     * @param requestedNanos {@link System#nanoTime()} when the person saved
     */
    void swapped(SwapOutcome outcome, long requestedNanos) {
        String figures = String.format("gen %d · compiled %.1f ms", outcome.generation(), outcome.compileNanos() / 1e6);
        swap.setText(figures + " · edit→pixel …");
        if (outcome.sceneVersion() >= 0) {
            desktop.presented(outcome.sceneVersion()).thenAccept(at -> Platform.runLater(() -> {
                if (swap.getText().startsWith(figures)) {
                    swap.setText(String.format("%s · edit→pixel %.1f ms", figures, (at - requestedNanos) / 1e6));
                }
            }));
        }
    }

    private void poll() {
        String renderer = desktop.compositor();
        compositor.setText(renderer.isEmpty() ? "compositor: not connected" : "compositor: " + renderer);
        compositor.getStyleClass().setAll("label", renderer.isEmpty() ? "compositor-down" : "compositor-up");
        if (renderer.isEmpty()) {
            frame.setText("");
            return;
        }
        desktop.stats().thenAccept(stats -> Platform.runLater(() -> frame.setText(String.format(
                "last frame %.2f ms · %d frames", stats.lastWallNanos() / 1e6, stats.frames()))))
                .exceptionally(error -> null);
    }
}
