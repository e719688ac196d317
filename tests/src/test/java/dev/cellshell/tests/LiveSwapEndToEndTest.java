package dev.cellshell.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.ipc.ControlMessage;
import dev.cellshell.ipc.Frames;
import java.awt.image.BufferedImage;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain across real processes: {@code ./cell run --headless} starts the shell, which starts the compositor
 * offscreen; {@code ./cell swap} changes the Label's source while it runs; {@code ./cell shot} reads the pixels back.
 * The tests run in order on one desktop, each starting from what the previous one left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveSwapEndToEndTest {

    /** The Label's bounds in the demo tissue. */
    private static final int LABEL_X = 40;
    private static final int LABEL_Y = 40;
    private static final int LABEL_W = 440;
    private static final int LABEL_H = 96;

    @TempDir
    static Path dir;
    private static RunningShell shell;

    @BeforeAll
    static void startTheShell() throws Exception {
        shell = RunningShell.start(dir.resolve("workspace"), Map.of(), "--headless");
    }

    @AfterAll
    static void stopTheShell() throws Exception {
        if (shell != null) {
            shell.close();
        }
    }

    private static BufferedImage shot(String name) throws Exception {
        Path file = dir.resolve(name + ".png");
        RunningShell.Result result = shell.cli("shot", file.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("wrote");
        return GoldenImages.decode(Files.readAllBytes(file));
    }

    private static boolean insideLabel(int x, int y) {
        return x >= LABEL_X && x < LABEL_X + LABEL_W && y >= LABEL_Y && y < LABEL_Y + LABEL_H;
    }

    private static int[] differingPixels(BufferedImage a, BufferedImage b) {
        int inside = 0;
        int outside = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    if (insideLabel(x, y)) {
                        inside++;
                    } else {
                        outside++;
                    }
                }
            }
        }
        return new int[] {inside, outside};
    }

    private static Path write(String name, String source) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, source);
        return file;
    }

    private static final String SWAPPED_LABEL = Assets.cellSource("Label")
            .replace("props.string(\"text\", \"Hello, CellShell\")", "\"Swapped while running\"")
            .replace("props.color(\"color\", theme.color(Token.ON_SURFACE))", "Color.rgb(235, 203, 139)");

    @Test
    @Order(1)
    void swappingTheLabelChangesItsPixelsAndNoOtherCells() throws Exception {
        BufferedImage before = shot("before");
        assertThat(SWAPPED_LABEL).contains("Swapped while running").contains("235, 203, 139");

        RunningShell.Result swap = shell.cli("swap", "label", write("Label.java", SWAPPED_LABEL).toString());

        assertThat(swap.exit()).as(swap.err()).isZero();
        assertThat(swap.out()).contains("swapped label to generation").contains("on screen after");
        BufferedImage after = shot("after");
        int[] differing = differingPixels(before, after);
        assertThat(differing[0]).as("label pixels changed").isGreaterThan(500);
        assertThat(differing[1]).as("pixels outside the label changed").isZero();
        assertThat(Files.readString(shell.workspace().resolve("cells/Label/Label.java"))).isEqualTo(SWAPPED_LABEL);
    }

    @Test
    @Order(2)
    void brokenSourceIsRefusedWithItsLineAndTheDesktopIsUnchanged() throws Exception {
        BufferedImage before = shot("before-broken");
        String broken = SWAPPED_LABEL.replace("float height = context.height();",
                "float height = context.height() +;");

        RunningShell.Result swap = shell.cli("swap", "label", write("Broken.java", broken).toString());

        assertThat(swap.exit()).isEqualTo(1);
        assertThat(swap.err()).contains("label not swapped").contains("keeps running")
                .containsPattern("Label\\.java:17:\\d+: error: ");
        BufferedImage after = shot("after-broken");
        assertThat(differingPixels(before, after)).containsExactly(0, 0);
        assertThat(Files.readString(shell.workspace().resolve("cells/Label/Label.java"))).isEqualTo(SWAPPED_LABEL);
    }

    @Test
    @Order(3)
    void verbsForAMissingCellOrFileFailWithAClearMessage() throws Exception {
        RunningShell.Result noCell = shell.cli("swap", "nope", write("X.java", SWAPPED_LABEL).toString());
        assertThat(noCell.exit()).isEqualTo(1);
        assertThat(noCell.err()).contains("no cell with id 'nope'");

        RunningShell.Result noFile = shell.cli("swap", "label", dir.resolve("missing.java").toString());
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("cannot read");
    }

    @Test
    @Order(4)
    void malformedBytesOnTheControlSocketGetAnErrorFrameAndTheShellCarriesOn() throws Exception {
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(dev.cellshell.shell.workspace.Workspace.controlSocket(shell.workspace())));
            raw.write(ByteBuffer.allocate(14).putInt(10).put(Frames.VERSION).put((byte) 99).putInt(1).putInt(0)
                    .flip());
            ByteBuffer reply = ByteBuffer.allocate(4096);
            raw.read(reply);
            assertThat(new String(reply.array(), 0, reply.position())).contains("unknown control message tag 99");
        }
        assertThat(shell.status().cells()).hasSize(3);
    }

    @Test
    @Order(5)
    void aCompositorKilledTwentyTimesWhileScenesArePublishedComesBackShowingTheSameDesktop() throws Exception {
        assertThat(Files.readString(shell.workspace().resolve("logs/compositor.log")))
                .contains("display lists through shared memory");
        Path[] variants = {write("A.java", SWAPPED_LABEL.replace("Swapped while running", "Variant A")),
            write("B.java", SWAPPED_LABEL.replace("Swapped while running", "Variant B"))};
        BufferedImage[] expected = new BufferedImage[2];
        for (int v = 0; v < 2; v++) {
            assertThat(shell.cli("swap", "label", variants[v].toString()).exit()).isZero();
            expected[v] = shot("variant-" + v);
        }
        assertThat(differingPixels(expected[0], expected[1])[0]).isPositive();

        String[] sources = {Files.readString(variants[0]), Files.readString(variants[1])};
        for (int kill = 0; kill < 20; kill++) {
            ProcessHandle compositor = shell.compositor().orElseThrow(() -> new AssertionError(shell.log()));
            compositor.destroyForcibly();
            int v = kill % 2;
            ControlMessage swap = shell.call(new ControlMessage.SwapRequest("label", "Label.java", sources[v]));
            assertThat(swap).as("swap %d while the compositor is dead", kill)
                    .isInstanceOfSatisfying(ControlMessage.SwapReply.class, r -> assertThat(r.swapped()).isTrue());
            compositor.onExit().get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (shell.compositor().filter(p -> p.pid() != compositor.pid()).isEmpty()
                    || shell.status().renderer().isEmpty()) {
                assertThat(System.nanoTime()).as("compositor restarted in 60 s\n" + shell.log()).isLessThan(deadline);
                Thread.sleep(50);
            }
            ControlMessage shot = shell.call(new ControlMessage.ShotRequest());
            assertThat(shot).isInstanceOf(ControlMessage.ShotReply.class);
            BufferedImage after = GoldenImages.decode(((ControlMessage.ShotReply) shot).png());
            assertThat(differingPixels(expected[v], after)).as("kill %d", kill).containsExactly(0, 0);
        }
        assertThat(shell.isAlive()).isTrue();
    }

    @Test
    @Order(6)
    void statusListsTheCellsAndTheRenderer() throws Exception {
        RunningShell.Result status = shell.cli("status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("label", "button", "clock").contains("offscreen");
    }

    @Test
    @Order(7)
    void undoRedoAndRollbackWorkFromTheCommandLine() throws Exception {
        RunningShell.Result undo = shell.cli("undo");
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(undo.out()).contains("swapped label to generation");
        RunningShell.Result redo = shell.cli("redo");
        assertThat(redo.exit()).as(redo.err()).isZero();
        RunningShell.Result rollback = shell.cli("rollback", "label");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        RunningShell.Result unknown = shell.cli("rollback", "nope");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no cell with id 'nope'");
    }

    @Test
    @Order(8)
    void everySwapIsInTheAuditLogAndTheChainVerifies() throws Exception {
        RunningShell.Result log = shell.cli("log", "-n", "100");
        assertThat(log.exit()).as(log.err()).isZero();
        assertThat(log.out()).contains("cli        swap       label    Label").contains("swapped")
                .contains("refused: the source does not compile").contains("undo").contains("rollback");
        RunningShell.Result verify = shell.cli("audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("audit log intact").contains("chain and workspace agree");
    }

    @Test
    @Order(9)
    void tamperingWithOneByteOfTheAuditLogIsDetectedAndNamed() throws Exception {
        Path file = shell.workspace().resolve("audit.log");
        java.util.List<String> lines = Files.readAllLines(file);
        int swap = 0;
        while (!lines.get(swap).contains("\tcli\tswap\t")) {
            swap++;
        }
        lines.set(swap, lines.get(swap).replaceFirst("\tcli\t", "\tcLi\t"));
        Files.write(file, lines);

        RunningShell.Result verify = shell.cli("audit", "verify");

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.err()).contains("NOT intact: entry " + (swap + 1) + ":").contains("edited");
    }
}
