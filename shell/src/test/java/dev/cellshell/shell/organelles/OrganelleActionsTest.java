package dev.cellshell.shell.organelles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What plain language does to the system, against the sample organelles (a playing player, eight applications). */
class OrganelleActionsTest {

    @TempDir
    Path workspace;
    private Organelles organelles;
    private final List<Integer> switched = new ArrayList<>();
    private OrganelleActions actions;

    @BeforeEach
    void start() throws Exception {
        organelles = Organelles.sample(Map.of(), workspace);
        java.util.concurrent.CountDownLatch up = new java.util.concurrent.CountDownLatch(1);
        organelles.start(up::countDown);
        assertThat(up.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        actions = new OrganelleActions(organelles, () -> 4, switched::add);
    }

    @AfterEach
    void stop() {
        organelles.close();
    }

    @Test
    void pauseAndPlayFollowWhatThePlayerDoes() {
        assertThat(actions.media("pause")).isEqualTo("Paused So What (Music)");
        assertThat(organelles.media().players().get(0).status()).isEqualTo("Paused");
        assertThat(actions.media("pause")).isEqualTo("Nothing is playing: So What (Music) is paused");
        assertThat(actions.media("play")).isEqualTo("Playing So What (Music)");
        assertThat(actions.media("play")).isEqualTo("So What (Music) is already playing");
        assertThatThrownBy(() -> actions.media("rewind")).hasMessageContaining("no media command");
    }

    @Test
    void doNotDisturbAndWorkspacesAndApplications() {
        actions.doNotDisturb(60);
        assertThat(organelles.notifications().doNotDisturb()).isTrue();
        actions.doNotDisturb(0);
        assertThat(organelles.notifications().doNotDisturb()).isFalse();

        actions.switchWorkspace(1);
        assertThat(switched).containsExactly(1);
        assertThatThrownBy(() -> actions.switchWorkspace(4)).hasMessage("there are 4 workspaces; there is no "
                + "workspace 5");

        assertThat(actions.now().apps()).extracting(dev.cellshell.widgets.App::name).contains("Firefox", "XTerm");
        assertThatThrownBy(() -> actions.launch("no.such.App")).hasMessage("there is no application 'no.such.App'");
        actions.launch("org.mozilla.firefox"); // the sample launcher starts nothing; the catalogue counts it
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (organelles.apps().recent(1).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(organelles.apps().recent(1)).extracting(dev.cellshell.widgets.App::id)
                .containsExactly("org.mozilla.firefox");
    }
}
