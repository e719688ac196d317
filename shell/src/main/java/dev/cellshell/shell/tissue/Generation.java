package dev.cellshell.shell.tissue;

import dev.cellshell.livecompiler.SourceFile;
import dev.cellshell.shell.workspace.TypeSize;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * One compiled version of a cell type, as the shell knows it: its class files (defined in the cell hosts that run
 * it, never here), the sources they came from, and the services its class declares with {@code @Uses} — read from
 * the class file, so the shell checks a host's service calls against what it compiled, not what the host says — and
 * the size it declares with {@code @Size}.
 */
record Generation(String type, long number, Map<String, byte[]> classes, List<SourceFile> sources,
        Set<String> uses, Map<String, List<String>> variants, TypeSize size, Map<String, DeclaredProp> props) {

    static Generation of(String type, long number, Map<String, byte[]> classes, List<SourceFile> sources) {
        Set<String> uses = new LinkedHashSet<>();
        Map<String, List<String>> variants = new LinkedHashMap<>();
        Map<String, DeclaredProp> props = new LinkedHashMap<>();
        float[] size = {TypeSize.UNDECLARED.width(), TypeSize.UNDECLARED.height(), 0, 0};
        read(classes.get(type), uses, variants, size, props);
        variants.forEach((name, choices) -> props.putIfAbsent(name, DeclaredProp.variant(name, choices)));
        TypeSize declared;
        try {
            declared = new TypeSize(size[0], size[1], size[2], size[3]);
        } catch (IllegalArgumentException e) {
            declared = TypeSize.UNDECLARED;
        }
        return new Generation(type, number, Map.copyOf(classes), List.copyOf(sources), Set.copyOf(uses),
                java.util.Collections.unmodifiableMap(variants), declared, java.util.Collections.unmodifiableMap(props));
    }

    /** The same classes under a new number (a redefinition in place). */
    Generation renumbered(long next, List<SourceFile> newSources) {
        return new Generation(type, next, classes, List.copyOf(newSources), uses, variants, size, props);
    }

    /**
     * Reads the simple names of the services in the class's {@code @Uses} (e.g. {@code Storage}) and its
     * {@code @Variant}s (prop → values, the default first).
     */
    private static void read(byte[] classFile, Set<String> uses, Map<String, List<String>> variants,
            float[] size, Map<String, DeclaredProp> props) {
        if (classFile == null) {
            return;
        }
        try {
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    if (descriptor.equals("Ldev/cellshell/widgets/Variant;")) {
                        return variant(variants);
                    }
                    if (descriptor.equals("Ldev/cellshell/widgets/Variant$List;")) {
                        return new AnnotationVisitor(Opcodes.ASM9) {
                            @Override
                            public AnnotationVisitor visitArray(String name) {
                                return new AnnotationVisitor(Opcodes.ASM9) {
                                    @Override
                                    public AnnotationVisitor visitAnnotation(String n, String d) {
                                        return variant(variants);
                                    }
                                };
                            }
                        };
                    }
                    if (descriptor.equals("Ldev/cellshell/widgets/Prop;")) {
                        return prop(props);
                    }
                    if (descriptor.equals("Ldev/cellshell/widgets/Prop$List;")) {
                        return new AnnotationVisitor(Opcodes.ASM9) {
                            @Override
                            public AnnotationVisitor visitArray(String name) {
                                return new AnnotationVisitor(Opcodes.ASM9) {
                                    @Override
                                    public AnnotationVisitor visitAnnotation(String n, String d) {
                                        return prop(props);
                                    }
                                };
                            }
                        };
                    }
                    if (descriptor.equals("Ldev/cellshell/widgets/Size;")) {
                        return new AnnotationVisitor(Opcodes.ASM9) {
                            @Override
                            public void visit(String name, Object value) {
                                int i = TypeSize.index(name);
                                if (i >= 0 && value instanceof Float f) {
                                    size[i] = f;
                                }
                            }
                        };
                    }
                    if (!descriptor.equals("Ldev/cellshell/widgets/Uses;")) {
                        return null;
                    }
                    return new AnnotationVisitor(Opcodes.ASM9) {
                        @Override
                        public AnnotationVisitor visitArray(String name) {
                            return new AnnotationVisitor(Opcodes.ASM9) {
                                @Override
                                public void visit(String ignored, Object value) {
                                    if (value instanceof Type t) {
                                        String n = t.getClassName();
                                        if (n.startsWith("dev.cellshell.widgets.")) {
                                            uses.add(n.substring("dev.cellshell.widgets.".length()));
                                        }
                                    }
                                }
                            };
                        }
                    };
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException malformed) {
            // The host refuses malformed class files when it defines them; no services for them here either.
        }
    }

    /** One {@code @Prop}: its elements, with the annotation's defaults for those not written. */
    private static AnnotationVisitor prop(Map<String, DeclaredProp> props) {
        Map<String, Object> values = new java.util.HashMap<>();
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String name, Object value) {
                values.put(name, value);
            }

            @Override
            public void visitEnum(String name, String descriptor, String value) {
                values.put(name, value);
            }

            @Override
            public void visitEnd() {
                String name = String.valueOf(values.getOrDefault("name", ""));
                if (name.isEmpty()) {
                    return;
                }
                dev.cellshell.widgets.Prop.Kind kind;
                try {
                    kind = dev.cellshell.widgets.Prop.Kind.valueOf(String.valueOf(values.getOrDefault("kind",
                            "TEXT")));
                } catch (IllegalArgumentException e) {
                    kind = dev.cellshell.widgets.Prop.Kind.TEXT;
                }
                props.put(name, new DeclaredProp(name, kind, number(values.get("min"), -Double.MAX_VALUE),
                        number(values.get("max"), Double.MAX_VALUE), String.valueOf(values.getOrDefault("fallback",
                                "")), String.valueOf(values.getOrDefault("doc", "")), List.of()));
            }
        };
    }

    private static double number(Object value, double fallback) {
        return value instanceof Double d ? d : fallback;
    }

    private static AnnotationVisitor variant(Map<String, List<String>> variants) {
        String[] prop = {""};
        List<String> values = new java.util.ArrayList<>();
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String name, Object value) {
                if (name.equals("prop")) {
                    prop[0] = String.valueOf(value);
                }
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                return !name.equals("values") ? null : new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String ignored, Object value) {
                        values.add(String.valueOf(value));
                    }
                };
            }

            @Override
            public void visitEnd() {
                variants.put(prop[0], List.copyOf(values));
            }
        };
    }
}
