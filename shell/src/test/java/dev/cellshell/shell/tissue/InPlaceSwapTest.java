package dev.cellshell.shell.tissue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellshell.assets.Assets;
import dev.cellshell.ipc.SceneMessage.PointerInput;
import dev.cellshell.ipc.SceneMessage.PointerKind;
import dev.cellshell.livecompiler.LiveCompiler;
import dev.cellshell.shell.support.RecordingSink;
import dev.cellshell.shell.support.TestTissues;
import dev.cellshell.shell.workspace.Workspace;
import java.nio.file.Path;
import net.bytebuddy.agent.ByteBuddyAgent;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-place tier. {@code ./cell run --in-place} gets the JVM's instrumentation from the live compiler's
 * {@code -javaagent} at start; this test attaches an agent to itself instead (Byte Buddy), so it also runs from
 * plain {@code mvn test}, where no jar exists yet.
 */
class InPlaceSwapTest {

    /** A Button that also counts presses in a static field, which only an in-place redefinition keeps. */
    private static final String COUNTING = Assets.cellSource("Button")
            .replace("private boolean pressed;", "private boolean pressed;\n    static int presses;")
            .replace("clicks++;", "clicks++;\n                presses++;")
            .replace("String label = clicks == 0 ? text : text + \" (\" + clicks + \")\";",
                    "String label = text + \" \" + clicks + \"/\" + presses;");

    @TempDir
    Path workspace;

    private final RecordingSink sink = new RecordingSink();
    private Tissue tissue;

    @BeforeEach
    void start() throws Exception {
        ClassLoader host = getClass().getClassLoader();
        tissue = new Tissue(Workspace.open(workspace, "demo"), new LiveCompiler(host), host, () -> TestTissues.FROZEN, true,
                sink, ByteBuddyAgent.install());
        tissue.start().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        tissue.close();
    }

    private SwapOutcome swap(String source) throws Exception {
        return tissue.swap("button", "Button.java", source).get(60, TimeUnit.SECONDS);
    }

    private ClassLoader loader() throws Exception {
        return tissue.generationLoader("button").get(10, TimeUnit.SECONDS).orElseThrow();
    }

    private void press() throws Exception {
        tissue.input(new PointerInput(PointerKind.PRESS, 60, 190, 1));
        tissue.input(new PointerInput(PointerKind.RELEASE, 60, 190, 1));
        tissue.settled().get(10, TimeUnit.SECONDS);
        tissue.sources("button").get(10, TimeUnit.SECONDS);
    }

    @Test
    void aMethodBodyChangeIsRedefinedInPlaceKeepingObjectsAndStaticState() throws Exception {
        assertThat(swap(COUNTING).notes()).as("adding a static field is structural").isEmpty();
        press();
        press();
        assertThat(sink.texts("button")).containsExactly("Click me 2/2");
        ClassLoader before = loader();

        SwapOutcome outcome = swap(COUNTING.replace("text + \" \" + clicks", "text + \": \" + clicks"));

        assertThat(outcome.swapped()).isTrue();
        assertThat(outcome.notes()).containsExactly("redefined in place: objects, their state and static fields kept");
        assertThat(loader()).isSameAs(before);
        assertThat(sink.texts("button")).containsExactly("Click me: 2/2");
    }

    @Test
    void aStructuralChangeFallsBackToANewGeneration() throws Exception {
        swap(COUNTING);
        press();
        ClassLoader before = loader();

        SwapOutcome outcome = swap(COUNTING.replace("static int presses;", "static int presses;\n    int extra;"));

        assertThat(outcome.swapped()).isTrue();
        assertThat(outcome.notes()).isEmpty();
        assertThat(loader()).isNotSameAs(before);
        assertThat(sink.texts("button")).as("@State clicks carried, static presses reset")
                .containsExactly("Click me 1/0");
    }

    @Test
    void aNewLambdaIsStructuralTooAndBrokenCodeIsStillRefused() throws Exception {
        swap(COUNTING);
        ClassLoader before = loader();
        SwapOutcome lambda = swap(COUNTING.replace("String text = props.string(\"text\", \"Click me\");",
                "String text = java.util.Optional.of(\"Click me\").map(t -> t.toUpperCase()).get();"));
        assertThat(lambda.notes()).isEmpty();
        assertThat(loader()).isNotSameAs(before);

        SwapOutcome broken = swap(COUNTING.replace("clicks++;", "clicks+++;"));
        assertThat(broken.swapped()).isFalse();
    }
}
