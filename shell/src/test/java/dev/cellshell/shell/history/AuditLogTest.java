package dev.cellshell.shell.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cellshell.livecompiler.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path dir;

    private Path logWithThreeEntries() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file)) {
            log.append("cli", "swap", "label", "Label", 4, "a".repeat(64), "--- Label.java\n+3: x\n", "swapped");
            log.append("workbench", "swap", "label", "Label", 4, "", "", "refused: the source\tdoes not compile");
            log.append("supervisor", "rollback", "button", "Button", 2, "b".repeat(64), "", "rolled back");
        }
        return file;
    }

    @Test
    void entriesSurviveReopeningAndChainOntoEachOther() throws Exception {
        Path file = logWithThreeEntries();
        try (AuditLog log = AuditLog.open(file)) {
            List<AuditLog.Entry> entries = log.entries();
            assertThat(entries).extracting(AuditLog.Entry::actor).containsExactly("cli", "workbench", "supervisor");
            assertThat(entries.get(0).previousHash()).isEqualTo(AuditLog.GENESIS);
            assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
            assertThat(entries.get(1).result()).isEqualTo("refused: the source\tdoes not compile");
            assertThat(entries.get(0).diff()).isEqualTo("--- Label.java\n+3: x\n");
            AuditLog.Entry fourth = log.append("file", "swap", "clock", "Clock", 9, "c".repeat(64), "", "swapped");
            assertThat(fourth.sequence()).isEqualTo(4);
            assertThat(fourth.previousHash()).isEqualTo(entries.get(2).hash());
        }
        assertThat(AuditLog.verify(file).intact()).isTrue();
        assertThat(AuditLog.verify(file).entries()).isEqualTo(4);
    }

    @Test
    void changingOneByteIsDetectedAtThatEntry() throws Exception {
        Path file = logWithThreeEntries();
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("button");
        bytes[at] = 'B';
        Files.write(file, bytes);

        AuditLog.Verification check = AuditLog.verify(file);
        assertThat(check.intact()).isFalse();
        assertThat(check.firstBadSequence()).isEqualTo(3);
        assertThat(check.problem()).contains("edited");
        assertThatThrownBy(() -> AuditLog.open(file)).hasMessageContaining("not intact at entry 3");
    }

    @Test
    void removingOrReorderingAnEntryIsDetected() throws Exception {
        Path file = logWithThreeEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        List<String> removed = new ArrayList<>(lines);
        removed.remove(1);
        Files.write(file, removed);
        assertThat(AuditLog.verify(file).firstBadSequence()).isEqualTo(2);

        List<String> swapped = new ArrayList<>(lines);
        swapped.set(0, lines.get(1));
        swapped.set(1, lines.get(0));
        Files.write(file, swapped);
        assertThat(AuditLog.verify(file)).satisfies(v -> {
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSequence()).isEqualTo(1);
        });
    }

    @Test
    void aLineTornByACrashWasNeverAcknowledgedAndIsDroppedOnOpen() throws Exception {
        Path file = logWithThreeEntries();
        Files.write(file, "4\t2026-11-29T10:00:00Z\tcli\tsw".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(AuditLog.verify(file).intact()).as("an unfinished last line is not an entry yet").isTrue();
        try (AuditLog log = AuditLog.open(file)) {
            assertThat(log.entries()).hasSize(3);
            assertThat(log.append("cli", "swap", "label", "Label", 5, "", "", "swapped").sequence()).isEqualTo(4);
        }
        assertThat(AuditLog.verify(file).intact()).isTrue();
    }

    @Test
    void diffsNameTheFileAndTheChangedLines() {
        String diff = SourceDiff.of(List.of(new SourceFile("A.java", "one\ntwo\nthree")),
                List.of(new SourceFile("A.java", "one\n2\nthree"), new SourceFile("B.java", "new")));
        assertThat(diff).isEqualTo("--- A.java\n-2: two\n+2: 2\n--- B.java\n+1: new\n");
        assertThat(SourceDiff.hash(List.of(new SourceFile("A.java", "x"))))
                .isNotEqualTo(SourceDiff.hash(List.of(new SourceFile("A.java", "y"))));
    }

    @Test
    void aOneLineChangeInALongFileIsFoundWithoutAQuadraticTable() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 200_000; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 123456\n", "line 123456 changed\n")
                .replace("line 7\n", "") + "the end";
        // A table for these two texts would be 200,000 × 200,000 ints (160 GB); Myers' diff needs a few changes' worth.
        String diff = SourceDiff.ofTexts(java.util.Map.of("tissue.json", before.toString()),
                java.util.Map.of("tissue.json", after));
        assertThat(diff).isEqualTo("--- tissue.json\n-7: line 7\n-123456: line 123456\n+123455: line 123456 changed\n"
                + "-200001: \n+200000: the end\n");
    }
}
