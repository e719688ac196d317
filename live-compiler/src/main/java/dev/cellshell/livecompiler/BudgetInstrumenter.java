package dev.cellshell.livecompiler;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Adds a {@link Budget#tick()} call at every method entry and before every backward jump (loop back-edge), so a
 * cell that loops or recurses forever is stopped at its next tick. Adds no stack or locals, so frames stay valid.
 */
final class BudgetInstrumenter {

    private BudgetInstrumenter() {
    }

    static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Ticking(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class Ticking extends MethodVisitor {

        private final Set<Label> seen = new HashSet<>();

        Ticking(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        private void tick() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Budget.OWNER, "tick", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            tick();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                tick();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (seen.contains(dflt) || java.util.Arrays.stream(labels).anyMatch(seen::contains)) {
                tick();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (seen.contains(dflt) || java.util.Arrays.stream(labels).anyMatch(seen::contains)) {
                tick();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }
    }
}
