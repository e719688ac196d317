package dev.cellshell.shell.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.ipc.SceneMessage.Edge;
import dev.cellshell.ipc.SceneMessage.Monitor;
import dev.cellshell.ipc.SceneMessage.Role;
import dev.cellshell.ipc.SceneMessage.Surface;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurfacePlacementTest {

    private static final Monitor LEFT = new Monitor("DUMMY0", 0, 0, 1920, 1080, 1, true);
    private static final Monitor RIGHT = new Monitor("DUMMY1", 1920, 0, 1280, 720, 1, false);
    private static final SurfaceSpec DESKTOP = SurfaceSpec.MAIN;
    private static final SurfaceSpec BAR = new SurfaceSpec("bar", Role.PANEL, "primary", Edge.TOP, 36);
    private static final SurfaceSpec DOCK = new SurfaceSpec("dock", Role.PANEL, "primary", Edge.LEFT, 64);
    private static final SurfaceSpec SIDE = new SurfaceSpec("side", Role.DESKTOP, "DUMMY1", Edge.NONE, 0);

    @Test
    void panelsTakeTheirEdgeAndTheDesktopGetsWhatIsLeft() {
        SurfacePlacement p = SurfacePlacement.of(List.of(DESKTOP, BAR, DOCK), List.of(LEFT), 1280, 720);
        assertThat(p.surfaces()).containsExactly(
                new Surface("desktop", Role.DESKTOP, "DUMMY0", 64, 36, 1856, 1044, Edge.NONE, 0, 0),
                new Surface("bar", Role.PANEL, "DUMMY0", 0, 0, 1920, 36, Edge.TOP, 36, 0),
                new Surface("dock", Role.PANEL, "DUMMY0", 0, 36, 64, 1044, Edge.LEFT, 64, 0));
        assertThat(p.area("desktop", null)).containsExactly(1856, 1044);
        assertThat(p.area("bar", null)).containsExactly(1920, 36);
    }

    @Test
    void aSurfaceOnAMonitorThatIsGoneShowsOnThePrimaryOnesAndComesBack() {
        SurfacePlacement both = SurfacePlacement.of(List.of(DESKTOP, SIDE), List.of(LEFT, RIGHT), 1280, 720);
        assertThat(both.showing("side")).extracting(Surface::monitor, Surface::x).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DUMMY1", 1920));
        SurfacePlacement one = SurfacePlacement.of(List.of(DESKTOP, SIDE), List.of(LEFT), 1280, 720);
        assertThat(one.surfaces()).extracting(Surface::name).containsExactly("desktop");
        assertThat(one.homes()).containsEntry("side", "desktop");
        assertThat(one.showing("side")).extracting(Surface::monitor).containsExactly("DUMMY0");
        assertThat(one.area("side", null)).containsExactly(1920, 1080);
    }

    @Test
    void aSurfaceOnAllMonitorsComesOncePerMonitor() {
        SurfaceSpec everywhere = new SurfaceSpec("bar", Role.PANEL, "all", Edge.BOTTOM, 30);
        SurfacePlacement p = SurfacePlacement.of(List.of(DESKTOP, everywhere), List.of(LEFT, RIGHT), 1280, 720);
        assertThat(p.showing("bar")).extracting(Surface::monitor, Surface::y).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DUMMY0", 1050), org.assertj.core.groups.Tuple.tuple("DUMMY1",
                        690));
        assertThat(p.area("bar", null)).as("laid out in the smallest copy").containsExactly(1280, 30);
    }

    @Test
    void withoutMonitorsTheDesktopSizeStandsIn() {
        SurfacePlacement p = SurfacePlacement.of(List.of(DESKTOP, BAR), List.of(), 1280, 720);
        assertThat(p.showing("desktop").get(0)).isEqualTo(new Surface("desktop", Role.DESKTOP, "screen", 0, 36,
                1280, 684, Edge.NONE, 0, 0));
    }

    @Test
    void aPanelWithoutAnEdgeOrOfNonsenseThicknessIsRefusedWithWhy() {
        assertThatThrownBy(() -> new SurfaceSpec("bar", Role.PANEL, "primary", Edge.NONE, 36))
                .hasMessageContaining("needs an edge");
        assertThatThrownBy(() -> new SurfaceSpec("bar", Role.PANEL, "primary", Edge.TOP, 4000))
                .hasMessageContaining("8 to 400");
        assertThatThrownBy(() -> new SurfaceSpec("Bar!", Role.DESKTOP, "primary", Edge.NONE, 0))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> SurfaceSpec.role("dokc")).hasMessageContaining("desktop, window, panel, overlay");
    }
}
