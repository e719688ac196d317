package dev.cellshell.ipc.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Logback's set-up for a CellShell process, in code: one line per event on stderr, named after the process. Logback
 * finds it as a {@link Configurator} service before it looks for {@code logback.xml}, so a start parses no XML
 * (Joran and the JDK's XML parser cost ~0.1 s and ~600 classes of every start). A {@code logback-test.xml} on the
 * class path (the tests') still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public abstract class ConsoleLogging extends ContextAwareBase implements Configurator {

    private final String process;
    private final Map<String, Level> levels;

    /**
     * @param process the name each line carries ({@code shell}, {@code compositor})
     * @param levels loggers whose level differs from the root's INFO
     */
    protected ConsoleLogging(String process, Map<String, Level> levels) {
        this.process = process;
        this.levels = Map.copyOf(levels);
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (getClass().getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} " + process + " %-5level %logger{0} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
