package dev.cellshell.livecompiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.widgets.Cell;
import dev.cellshell.runtime.DisplayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class SandboxTest {

    private static final LiveCompiler COMPILER = new LiveCompiler(SandboxTest.class.getClassLoader());

    private static SourceFile cellDoing(String statement, String imports) {
        return new SourceFile("Sneaky.java", imports + """

                import dev.cellshell.widgets.*;

                public class Sneaky implements Cell {
                    public void render(Canvas canvas, CellContext context) {
                        %s
                    }
                }
                """.formatted(statement));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "new java.io.File(\"/etc/passwd\").delete();|                           |File  |files and I/O",
        "System.exit(1);                          |                           |exit  |cannot reach the process",
        "System.getenv(\"HOME\");                 |                           |getenv|cannot reach the process",
        "Runtime.getRuntime().gc();               |                           |Runtime|cannot reach the process",
        "new Thread(() -> {}).start();            |                           |Thread|tissue thread",
        "try { Thread.sleep(10); } catch (InterruptedException e) { }||Thread|tissue thread",
        "Executors.newFixedThreadPool(2);         |import java.util.concurrent.*;|Executors|tissue thread",
        "getClass().getDeclaredMethods();         |                           |getDeclaredMethods|reflection",
        "try { Class.forName(\"X\"); } catch (Exception e) { }||forName|reflection",
        "new java.net.Socket();                   |                           |Socket|network",
        "java.util.List.of(1).parallelStream();   |                           |parallelStream|tissue thread",
        "try { canvas.save(); } catch (Throwable t) { }||Throwable|supervisor",
        "new java.util.Properties().setProperty(\"a\", \"b\");||Properties|not among the java.util classes open",
        "Package.getPackages();                   |                           |Package|not among the java.lang classes open",
        "new java.util.concurrent.LinkedBlockingQueue<String>().poll();||LinkedBlockingQueue|never wait",
        "java.util.Locale.setDefault(java.util.Locale.ROOT);||setDefault|whole process",
        "String s = String.format(\"%d\", 1); new java.util.Formatter();||Formatter|open files",
        "new dev.cellshell.runtime.Recorder().finish();||Recorder|cells draw on that Canvas",
        "dev.cellshell.runtime.PropValues.empty().with(\"a\", \"b\");||PropValues|cells draw on that Canvas",
        "java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Object.class, \"x\");||AtomicIntegerFieldUpdater|not among the java.util.concurrent.atomic classes"})
    void forbiddenApisAreCompileErrorsThatSayWhichNameAndWhy(String statement, String imports, String name,
            String why) {
        CompileResult result = COMPILER.compile(List.of(cellDoing(statement.strip(),
                imports == null ? "" : imports.strip())));

        assertThat(result.succeeded()).as(result.diagnostics().toString()).isFalse();
        assertThat(result.classes()).isEmpty();
        assertThat(result.errors()).anySatisfy(d -> {
            assertThat(d.message()).contains(name).contains("is not allowed in cells").contains(why);
            assertThat(d.line()).isEqualTo(6);
            assertThat(d.excerpt().substring(d.column() - 1)).startsWith(name);
        });
    }

    @Test
    void ordinaryJavaIsAllowed() throws Exception {
        SourceFile cell = new SourceFile("Busy.java", """
                import dev.cellshell.widgets.*;
                import java.math.BigDecimal;
                import java.text.DecimalFormat;
                import java.time.*;
                import java.util.*;
                import java.util.concurrent.ConcurrentHashMap;
                import java.util.concurrent.atomic.AtomicInteger;
                import java.util.stream.*;

                public class Busy implements Cell {
                    enum Mode { A, B }
                    record Point(int x, int y) { }
                    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
                    private final AtomicInteger renders = new AtomicInteger();

                    public void render(Canvas canvas, CellContext context) {
                        List<Point> points = IntStream.range(0, 5).mapToObj(i -> new Point(i, i * i)).toList();
                        String joined = points.stream().map(Point::toString).collect(Collectors.joining(","));
                        StringBuilder sb = new StringBuilder("n=" + points.size() + " " + joined.length());
                        Mode mode = Mode.valueOf("B");
                        switch (sb.toString()) { case "x" -> sb.append(1); default -> sb.append(mode); }
                        BigDecimal money = new BigDecimal("1.50").multiply(BigDecimal.TEN);
                        String text = new DecimalFormat("0.00").format(money) + Duration.ofSeconds(90);
                        counts.merge(text, 1, Integer::sum);
                        try {
                            Integer.parseInt("nope");
                        } catch (NumberFormatException e) {
                            sb.append(Math.max(1, renders.incrementAndGet()));
                        }
                        System.out.println(sb);
                        canvas.drawText(sb + text + Optional.of(Mode.A).map(Enum::name).orElse(""), 0, 10, 12,
                                Color.BLACK, Align.LEFT);
                    }
                }
                """);

        CompileResult result = COMPILER.compile(List.of(cell));

        assertThat(result.errors()).isEmpty();
        GenerationLoader loader = new GenerationLoader("Busy", 1, result.classes(), getClass().getClassLoader());
        Cell busy = (Cell) loader.loadClass("Busy").getDeclaredConstructor().newInstance();
        assertThat(DisplayList.record(c -> busy.render(c, null)).size()).isGreaterThan(20);
    }

    @Test
    void handMadeBytecodeIsRefusedWhenLoadedEvenWithoutTheCompiler() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Evil", null, "java/lang/Object", null);
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null, null);
        m.visitCode();
        m.visitInsn(Opcodes.ICONST_1);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        writer.visitEnd();

        assertThatThrownBy(() -> new GenerationLoader("Evil", 1, Map.of("Evil", writer.toByteArray()),
                getClass().getClassLoader()))
                .isInstanceOf(SecurityException.class)
                .hasMessageContaining("java.lang.System.exit is not allowed in cells");
    }
}
