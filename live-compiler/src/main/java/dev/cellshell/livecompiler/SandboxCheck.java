package dev.cellshell.livecompiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads class files and lists every reference the {@link Sandbox} refuses, with the source line it comes from. Run
 * after compiling (to turn refusals into compile errors) and again before a generation's classes are defined, so
 * hand-made bytecode cannot bypass the compiler check.
 */
final class SandboxCheck {

    /** One refused reference. {@code line} is 0 when the class file has no line for it. */
    record Violation(String className, String sourceFile, int line, String name, String why) {
        String describe() {
            return name + " is not allowed in cells: " + why;
        }
    }

    /** Bootstrap methods the compiler emits for lambdas, string concatenation, records and switches. */
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods",
            "java/lang/runtime/SwitchBootstraps");

    private SandboxCheck() {
    }

    /** Checks all classes of one generation; references between them are always allowed. */
    static List<Violation> check(Map<String, byte[]> classes) {
        Set<String> own = classes.keySet().stream().map(n -> n.replace('.', '/'))
                .collect(java.util.stream.Collectors.toSet());
        List<Violation> violations = new ArrayList<>();
        classes.forEach((name, bytes) -> new ClassReader(bytes).accept(new Checker(own, violations), 0));
        return violations;
    }

    private static final class Checker extends ClassVisitor {

        private final Set<String> own;
        private final List<Violation> violations;
        private String className = "";
        private String sourceFile = "";

        Checker(Set<String> own, List<Violation> violations) {
            super(Opcodes.ASM9);
            this.own = own;
            this.violations = violations;
        }

        void report(int line, String name, Optional<String> why) {
            why.ifPresent(reason -> violations.add(new Violation(className.replace('/', '.'), sourceFile, line,
                    name, reason)));
        }

        void type(int line, String internalName) {
            if (!own.contains(strip(internalName))) {
                report(line, pretty(internalName), Sandbox.refuseType(internalName));
            }
        }

        void descriptor(int line, String descriptor) {
            Type t = Type.getType(descriptor);
            if (t.getSort() == Type.METHOD) {
                type(line, t.getReturnType());
                for (Type argument : t.getArgumentTypes()) {
                    type(line, argument);
                }
            } else {
                type(line, t);
            }
        }

        private void type(int line, Type t) {
            Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
            if (element.getSort() == Type.OBJECT) {
                type(line, element.getInternalName());
            }
        }

        void member(int line, String owner, String name, String descriptor) {
            if (own.contains(strip(owner))) {
                descriptor(line, descriptor);
                return;
            }
            int before = violations.size();
            Optional<String> refusedType = Sandbox.refuseType(owner);
            report(line, pretty(owner) + (refusedType.isPresent() || name.equals("<init>") ? "" : "." + name),
                    refusedType.isPresent() ? refusedType : Sandbox.refuseMember(owner, name));
            if (violations.size() == before) {
                descriptor(line, descriptor);
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name;
            if (superName != null) {
                type(0, superName);
            }
            for (String i : interfaces) {
                type(0, i);
            }
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = source == null ? "" : source;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(0, descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            descriptor(0, descriptor);
            if (name.equals("finalize") && descriptor.equals("()V")) {
                report(0, "a finalize() method", Optional.of("finalizers run on a JVM thread, outside the cell's "
                        + "supervisor; release things in close()"));
            }
            return new MethodVisitor(Opcodes.ASM9) {
                private int line;
                private final List<Object[]> pendingCatches = new ArrayList<>();
                private final Map<Label, Integer> lines = new java.util.HashMap<>();

                @Override
                public void visitLabel(Label label) {
                    lines.put(label, line);
                }

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                    lines.put(start, number);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(line, type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                    member(line, owner, fieldName, fieldDescriptor);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor,
                        boolean isInterface) {
                    member(line, owner, methodName, methodDescriptor);
                }

                @Override
                public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                        Object... arguments) {
                    if (!BOOTSTRAPS.contains(bootstrap.getOwner())) {
                        report(line, pretty(bootstrap.getOwner()) + "." + bootstrap.getName(),
                                Optional.of("only lambdas, string concatenation and records may use invokedynamic"));
                        return;
                    }
                    descriptor(line, indyDescriptor);
                    for (Object argument : arguments) {
                        constant(argument);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value);
                }

                private void constant(Object value) {
                    if (value instanceof Type t) {
                        if (t.getSort() == Type.METHOD) {
                            descriptor(line, t.getDescriptor());
                        } else {
                            type(line, t);
                        }
                    } else if (value instanceof Handle h) {
                        member(line, h.getOwner(), h.getName(), h.getDesc());
                    } else if (value instanceof ConstantDynamic c) {
                        report(line, "constant " + c.getName(),
                                Optional.of("dynamic constants are not available to cells"));
                    }
                }

                @Override
                public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
                    descriptor(line, arrayDescriptor);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type != null) {
                        pendingCatches.add(new Object[] {handler, type});
                    }
                }

                @Override
                public void visitEnd() {
                    for (Object[] c : pendingCatches) {
                        String type = (String) c[1];
                        type(lines.getOrDefault((Label) c[0], 0), type);
                        report(lines.getOrDefault((Label) c[0], 0), "catch (" + pretty(type) + ")",
                                Sandbox.refuseCatch(type));
                    }
                }
            };
        }
    }

    private static String strip(String internalName) {
        String t = internalName;
        while (t.startsWith("[")) {
            t = t.substring(1);
        }
        return t.startsWith("L") && t.endsWith(";") ? t.substring(1, t.length() - 1) : t;
    }

    private static String pretty(String internalName) {
        return strip(internalName).replace('/', '.').replace('$', '.');
    }
}
