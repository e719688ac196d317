package dev.cellshell.livecompiler;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What cell code may reference: the widgets API; in {@code java.lang}, {@code java.util} and
 * {@code java.util.concurrent} only the listed classes (values, collections, text, numbers, exceptions), with some
 * members refused or only some open ({@code System}, {@code Class}, {@code Locale.setDefault}, {@code wait}…);
 * {@code java.time}, {@code java.math}, {@code java.text}, functions, streams (not parallel), regex and atomics.
 * Anything else is refused with the reason. Names are JVM internal names ({@code java/lang/String}).
 */
public final class Sandbox {


    private static final String THREADS = "cells run on the tissue thread; ask for a later render with "
            + "CellContext.renderAgainIn instead";
    private static final String REFLECTION = "reflection and class loading could reach past the sandbox";
    private static final String OUTSIDE = "cells cannot reach the process, the machine or other programs";
    private static final String BLOCKS = "it blocks, and a cell must never wait: the desktop would stop with it";
    private static final String FILES = "it can open files, and files are not available to cells";
    private static final String JVM_WIDE = "it changes a default of the whole process, not of the cell";
    private static final String HOST_INTERNAL = "it is the cell host's side of the Cell API (it records what a cell"
            + " draws on the Canvas it is given, and makes its props and theme): cells draw on that Canvas and read"
            + " CellContext";

    /** Classes refused although their package is allowed, with the reason. */
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("java/lang/Runtime", OUTSIDE),
            Map.entry("java/lang/ProcessBuilder", OUTSIDE),
            Map.entry("java/lang/Process", OUTSIDE),
            Map.entry("java/lang/ProcessHandle", OUTSIDE),
            Map.entry("java/lang/SecurityManager", OUTSIDE),
            Map.entry("java/lang/Thread", THREADS),
            Map.entry("java/lang/ThreadGroup", THREADS),
            Map.entry("java/lang/InheritableThreadLocal", THREADS),
            Map.entry("java/lang/ClassLoader", REFLECTION),
            Map.entry("java/lang/Module", REFLECTION),
            Map.entry("java/lang/ModuleLayer", REFLECTION),
            Map.entry("java/lang/StackWalker", REFLECTION),
            Map.entry("java/util/Timer", THREADS),
            Map.entry("java/util/TimerTask", THREADS),
            Map.entry("java/util/ServiceLoader", REFLECTION),
            Map.entry("java/util/ResourceBundle", REFLECTION),
            Map.entry("java/util/concurrent/Executor", THREADS),
            Map.entry("java/util/concurrent/Executors", THREADS),
            Map.entry("java/util/concurrent/ExecutorService", THREADS),
            Map.entry("java/util/concurrent/ScheduledExecutorService", THREADS),
            Map.entry("java/util/concurrent/ThreadPoolExecutor", THREADS),
            Map.entry("java/util/concurrent/ScheduledThreadPoolExecutor", THREADS),
            Map.entry("java/util/concurrent/ForkJoinPool", THREADS),
            Map.entry("java/util/concurrent/ForkJoinTask", THREADS),
            Map.entry("java/util/concurrent/CompletableFuture", THREADS),
            Map.entry("java/util/concurrent/ThreadFactory", THREADS),
            Map.entry("java/util/concurrent/CountDownLatch", THREADS),
            Map.entry("java/util/concurrent/CyclicBarrier", THREADS),
            Map.entry("java/util/concurrent/Semaphore", THREADS),
            Map.entry("java/util/concurrent/Phaser", THREADS),
            Map.entry("java/util/concurrent/Exchanger", THREADS),
            Map.entry("java/util/concurrent/SynchronousQueue", THREADS),
            Map.entry("java/util/concurrent/BlockingQueue", BLOCKS),
            Map.entry("java/util/concurrent/BlockingDeque", BLOCKS),
            Map.entry("java/util/concurrent/TransferQueue", BLOCKS),
            Map.entry("java/util/concurrent/LinkedBlockingQueue", BLOCKS),
            Map.entry("java/util/concurrent/LinkedBlockingDeque", BLOCKS),
            Map.entry("java/util/concurrent/ArrayBlockingQueue", BLOCKS),
            Map.entry("java/util/concurrent/PriorityBlockingQueue", BLOCKS),
            Map.entry("java/util/concurrent/DelayQueue", BLOCKS),
            Map.entry("java/util/concurrent/LinkedTransferQueue", BLOCKS),
            Map.entry("java/util/concurrent/Future", BLOCKS),
            Map.entry("java/util/concurrent/FutureTask", BLOCKS),
            Map.entry("java/util/concurrent/RunnableFuture", BLOCKS),
            Map.entry("java/util/Formatter", FILES + " (String.format does the same in memory)"),
            Map.entry("java/time/zone/ZoneRulesProvider", JVM_WIDE),
            Map.entry("java/util/Scanner", FILES + " and streams"));

    /** Members refused on one class only, with the reason. */
    private static final Map<String, Map<String, String>> CLASS_MEMBERS = Map.of(
            "java/util/Locale", Map.of("setDefault", JVM_WIDE),
            "java/util/TimeZone", Map.of("setDefault", JVM_WIDE));

    /** For classes only partly allowed: the members cells may use; every other member is refused. */
    private static final Map<String, Set<String>> ONLY_MEMBERS = Map.of(
            "java/lang/System", Set.of("currentTimeMillis", "nanoTime", "arraycopy", "identityHashCode",
                    "lineSeparator", "out", "err"),
            "java/lang/Class", Set.of("getName", "getSimpleName", "getTypeName", "isInstance", "cast", "isArray",
                    "isEnum", "isRecord", "isPrimitive", "isInterface", "desiredAssertionStatus", "hashCode",
                    "equals", "toString", "getEnumConstants", "getComponentType"));

    /** Members refused on any allowed class. */
    private static final Map<String, String> MEMBERS = Map.of(
            "wait", THREADS, "notify", THREADS, "notifyAll", THREADS,
            "parallel", THREADS, "parallelStream", THREADS);

    /**
     * The JDK classes open to cells, by package (an allowlist: a class added to the JDK later, or one that was
     * forgotten, is refused until someone decides it is safe). Nested classes are named with {@code $}. Within them,
     * {@link #ONLY_MEMBERS} opens only some members of a class, and {@link #MEMBERS} and {@link #CLASS_MEMBERS}
     * refuse some. Left out on purpose: field updaters (reflection), {@code StreamSupport} (parallel streams from
     * any spliterator), {@code ZoneRulesProvider} (process-wide).
     */
    private static final Map<String, Set<String>> LISTED = Map.ofEntries(
            Map.entry("java/lang", Set.of("Object", "String", "StringBuilder", "StringBuffer", "CharSequence", "Math",
                    "StrictMath", "Integer", "Long", "Double", "Float", "Short", "Byte", "Character",
                    "Character$UnicodeBlock", "Character$UnicodeScript", "Boolean", "Number", "Void", "Enum", "Record",
                    "Iterable", "Comparable", "Runnable", "AutoCloseable", "Cloneable", "Appendable", "Override",
                    "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "ThreadLocal", "System",
                    "Class", "Throwable", "Exception", "RuntimeException", "Error", "AssertionError",
                    "IllegalArgumentException", "IllegalStateException", "ArithmeticException",
                    "IndexOutOfBoundsException", "ArrayIndexOutOfBoundsException", "StringIndexOutOfBoundsException",
                    "NullPointerException", "ClassCastException", "NumberFormatException",
                    "UnsupportedOperationException", "NegativeArraySizeException", "ArrayStoreException",
                    "CloneNotSupportedException", "InterruptedException", "StackOverflowError", "OutOfMemoryError",
                    "NoSuchFieldError", "IncompatibleClassChangeError", "EnumConstantNotPresentException",
                    "ReflectiveOperationException")),
            Map.entry("java/util", Set.of("List", "ArrayList", "LinkedList", "Map", "Map$Entry", "HashMap", "LinkedHashMap",
                    "TreeMap", "Set", "HashSet", "LinkedHashSet", "TreeSet", "Collection", "Collections", "Arrays",
                    "Objects", "Optional", "OptionalInt", "OptionalLong", "OptionalDouble", "Iterator",
                    "ListIterator", "Comparator", "Random", "SplittableRandom", "Deque", "ArrayDeque", "Queue",
                    "PriorityQueue", "StringJoiner", "UUID", "BitSet", "EnumMap", "EnumSet", "NavigableMap",
                    "NavigableSet", "SortedMap", "SortedSet", "AbstractMap", "AbstractMap$SimpleEntry",
                    "AbstractMap$SimpleImmutableEntry", "AbstractList", "AbstractSet", "AbstractCollection",
                    "AbstractQueue", "RandomAccess", "IdentityHashMap", "WeakHashMap", "StringTokenizer",
                    "NoSuchElementException", "ConcurrentModificationException", "Locale", "TimeZone", "Date",
                    "Calendar", "GregorianCalendar", "Base64", "Base64$Encoder", "Base64$Decoder", "HexFormat",
                    "IntSummaryStatistics", "LongSummaryStatistics", "DoubleSummaryStatistics", "PrimitiveIterator",
                    "PrimitiveIterator$OfInt", "PrimitiveIterator$OfLong", "PrimitiveIterator$OfDouble",
                    "Spliterator", "Spliterators", "Currency")),
            Map.entry("java/util/concurrent", Set.of("ConcurrentHashMap", "ConcurrentMap", "ConcurrentNavigableMap",
                    "ConcurrentLinkedQueue", "ConcurrentLinkedDeque", "CopyOnWriteArrayList", "CopyOnWriteArraySet",
                    "ConcurrentSkipListMap", "ConcurrentSkipListSet", "TimeUnit", "ThreadLocalRandom", "Callable",
                    "TimeoutException", "ExecutionException", "CancellationException")),
            Map.entry("java/time", Set.of(
                    "Clock", "DateTimeException", "DayOfWeek", "Duration", "Instant",
                    "InstantSource", "LocalDate", "LocalDateTime", "LocalTime", "Month", "MonthDay",
                    "OffsetDateTime", "OffsetTime", "Period", "Year", "YearMonth", "ZoneId",
                    "ZoneOffset", "ZonedDateTime")),
            Map.entry("java/time/format", Set.of(
                    "DateTimeFormatter", "DateTimeFormatterBuilder", "DateTimeParseException",
                    "DecimalStyle", "FormatStyle", "ResolverStyle", "SignStyle", "TextStyle")),
            Map.entry("java/time/temporal", Set.of(
                    "ChronoField", "ChronoUnit", "IsoFields", "JulianFields", "Temporal",
                    "TemporalAccessor", "TemporalAdjuster", "TemporalAdjusters", "TemporalAmount",
                    "TemporalField", "TemporalQueries", "TemporalQuery", "TemporalUnit",
                    "UnsupportedTemporalTypeException", "ValueRange", "WeekFields")),
            Map.entry("java/time/chrono", Set.of(
                    "AbstractChronology", "ChronoLocalDate", "ChronoLocalDateTime", "ChronoPeriod",
                    "ChronoZonedDateTime", "Chronology", "Era", "HijrahChronology", "HijrahDate",
                    "HijrahEra", "IsoChronology", "IsoEra", "JapaneseChronology", "JapaneseDate",
                    "JapaneseEra", "MinguoChronology", "MinguoDate", "MinguoEra",
                    "ThaiBuddhistChronology", "ThaiBuddhistDate", "ThaiBuddhistEra")),
            Map.entry("java/time/zone", Set.of(
                    "ZoneOffsetTransition", "ZoneOffsetTransitionRule",
                    "ZoneOffsetTransitionRule$TimeDefinition", "ZoneRules", "ZoneRulesException")),
            Map.entry("java/math", Set.of(
                    "BigDecimal", "BigInteger", "MathContext", "RoundingMode")),
            Map.entry("java/text", Set.of(
                    "Annotation", "AttributedCharacterIterator",
                    "AttributedCharacterIterator$Attribute", "AttributedString", "Bidi",
                    "BreakIterator", "CharacterIterator", "ChoiceFormat",
                    "CollationElementIterator", "CollationKey", "Collator", "CompactNumberFormat",
                    "DateFormat", "DateFormat$Field", "DateFormatSymbols", "DecimalFormat",
                    "DecimalFormatSymbols", "FieldPosition", "Format", "Format$Field",
                    "MessageFormat", "MessageFormat$Field", "Normalizer", "Normalizer$Form",
                    "NumberFormat", "NumberFormat$Field", "NumberFormat$Style", "ParseException",
                    "ParsePosition", "RuleBasedCollator", "SimpleDateFormat",
                    "StringCharacterIterator")),
            Map.entry("java/util/function", Set.of(
                    "BiConsumer", "BiFunction", "BiPredicate", "BinaryOperator", "BooleanSupplier",
                    "Consumer", "DoubleBinaryOperator", "DoubleConsumer", "DoubleFunction",
                    "DoublePredicate", "DoubleSupplier", "DoubleToIntFunction",
                    "DoubleToLongFunction", "DoubleUnaryOperator", "Function", "IntBinaryOperator",
                    "IntConsumer", "IntFunction", "IntPredicate", "IntSupplier",
                    "IntToDoubleFunction", "IntToLongFunction", "IntUnaryOperator",
                    "LongBinaryOperator", "LongConsumer", "LongFunction", "LongPredicate",
                    "LongSupplier", "LongToDoubleFunction", "LongToIntFunction",
                    "LongUnaryOperator", "ObjDoubleConsumer", "ObjIntConsumer", "ObjLongConsumer",
                    "Predicate", "Supplier", "ToDoubleBiFunction", "ToDoubleFunction",
                    "ToIntBiFunction", "ToIntFunction", "ToLongBiFunction", "ToLongFunction",
                    "UnaryOperator")),
            Map.entry("java/util/stream", Set.of(
                    "BaseStream", "Collector", "Collector$Characteristics", "Collectors",
                    "DoubleStream", "DoubleStream$Builder", "DoubleStream$DoubleMapMultiConsumer",
                    "IntStream", "IntStream$Builder", "IntStream$IntMapMultiConsumer", "LongStream",
                    "LongStream$Builder", "LongStream$LongMapMultiConsumer", "Stream",
                    "Stream$Builder")),
            Map.entry("java/util/regex", Set.of(
                    "MatchResult", "Matcher", "Pattern", "PatternSyntaxException")),
            Map.entry("java/util/concurrent/atomic", Set.of(
                    "AtomicBoolean", "AtomicInteger", "AtomicIntegerArray", "AtomicLong",
                    "AtomicLongArray", "AtomicMarkableReference", "AtomicReference",
                    "AtomicReferenceArray", "AtomicStampedReference", "DoubleAccumulator",
                    "DoubleAdder", "LongAccumulator", "LongAdder")));

    /** Classes outside the allowed packages that cells still use through a narrow door. */
    private static final Map<String, Set<String>> EXTRA = Map.of(
            "java/io/PrintStream", Set.of("print", "println", "printf", "format", "flush"),
            "java/io/Serializable", Set.of());

    private static final Set<String> UNCATCHABLE = Set.of("java/lang/Throwable", "java/lang/Error",
            "java/lang/VirtualMachineError", "java/lang/StackOverflowError", "java/lang/OutOfMemoryError",
            "java/lang/ThreadDeath", "java/lang/LinkageError", Budget.TIMEOUT);

    private Sandbox() {
    }

    /** Why cell code may not use class {@code type} at all; empty when it may. */
    public static Optional<String> refuseType(String type) {
        String element = elementType(type);
        if (element == null) {
            return Optional.empty();
        }
        if (CLASSES.containsKey(element)) {
            return Optional.of(CLASSES.get(element));
        }
        if (EXTRA.containsKey(element) || ONLY_MEMBERS.containsKey(element)) {
            return Optional.empty();
        }
        int slash = element.lastIndexOf('/');
        String pkg = slash < 0 ? "" : element.substring(0, slash);
        Set<String> listed = LISTED.get(pkg);
        if (listed != null) {
            return listed.contains(element.substring(slash + 1)) ? Optional.empty()
                    : Optional.of("it is not among the " + pkg.replace('/', '.') + " classes open to cells (values,"
                            + " collections, text and numbers; no I/O, threads, reflection or process-wide state)");
        }
        if (pkg.equals("dev/cellshell/widgets") || pkg.equals("dev/cellshell/widgets/kit")) {
            return Optional.empty();
        }
        return Optional.of(reasonForPackage(pkg));
    }

    /** Why cell code may not use member {@code name} of {@code owner}; empty when it may. */
    public static Optional<String> refuseMember(String owner, String name) {
        Optional<String> type = refuseType(owner);
        if (type.isPresent()) {
            return type;
        }
        String element = elementType(owner);
        if (element == null) {
            return Optional.empty();
        }
        if (MEMBERS.containsKey(name)) {
            return Optional.of(MEMBERS.get(name));
        }
        String classOnly = CLASS_MEMBERS.getOrDefault(element, Map.of()).get(name);
        if (classOnly != null) {
            return Optional.of(classOnly);
        }
        Set<String> only = ONLY_MEMBERS.containsKey(element) ? ONLY_MEMBERS.get(element) : EXTRA.get(element);
        if (only != null && !only.contains(name)) {
            return Optional.of(element.equals("java/lang/System") ? OUTSIDE
                    : element.equals("java/lang/Class") ? REFLECTION
                    : "only " + String.join(", ", new java.util.TreeSet<>(only)) + " of it are available to cells");
        }
        return Optional.empty();
    }

    /** Why cell code may not catch {@code type}: the supervisor's budget and the JVM's errors must get through. */
    public static Optional<String> refuseCatch(String type) {
        return UNCATCHABLE.contains(type)
                ? Optional.of("catching " + type.replace('/', '.') + " would hide the supervisor's stop signals; "
                        + "catch Exception or a narrower type")
                : Optional.empty();
    }

    private static String reasonForPackage(String pkg) {
        if (pkg.equals("dev/cellshell/runtime")) {
            return HOST_INTERNAL;
        }
        if (pkg.startsWith("java/io") || pkg.startsWith("java/nio")) {
            return "files and I/O are not available to cells";
        }
        if (pkg.startsWith("java/net") || pkg.startsWith("javax/net") || pkg.startsWith("java/net/http")) {
            return "the network is not available to cells";
        }
        if (pkg.startsWith("java/lang/reflect") || pkg.startsWith("java/lang/invoke")) {
            return REFLECTION;
        }
        if (pkg.startsWith("java/util/concurrent/locks")) {
            return THREADS;
        }
        if (pkg.startsWith("sun/") || pkg.startsWith("jdk/") || pkg.startsWith("com/sun")) {
            return "JDK internals are not available to cells";
        }
        return "package " + pkg.replace('/', '.') + " is not available to cells (they may use the widgets API, "
                + "java.lang, java.util, java.time, java.math and java.text)";
    }

    /** The class inside an array type, {@code null} for primitives and arrays of them. */
    private static String elementType(String type) {
        String t = type;
        while (t.startsWith("[")) {
            t = t.substring(1);
        }
        if (t.length() == 1) {
            return null;
        }
        if (t.startsWith("L") && t.endsWith(";")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }
}
