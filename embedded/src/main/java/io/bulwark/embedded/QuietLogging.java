package io.bulwark.embedded;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Lowers the log level of the embedded components' libraries to WARN. Without this, S3Proxy, Jetty and Kafka log at
 * DEBUG under logback's default configuration, which cuts S3Proxy's throughput about tenfold. Levels are set
 * programmatically so that no logback configuration file clashes with Spring Boot's in the services' tests.
 */
public final class QuietLogging {

    private static final List<String> NOISY = List.of(
            "org.gaul",
            "org.eclipse.jetty",
            "org.gaul.shaded",
            "software.amazon",
            "kafka",
            "org.apache.kafka",
            "org.apache.zookeeper",
            "state.change.logger",
            "io.netty");

    private QuietLogging() {}

    /**
     * Sets WARN on the noisy loggers that would log more than that, when logback is the SLF4J backend; a logger already
     * at WARN or quieter keeps its level. Does nothing with another backend.
     */
    public static void apply() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (isLogback(factory)) {
            LoggerContext context = (LoggerContext) factory;
            for (String name : NOISY) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (!logger.getEffectiveLevel().isGreaterOrEqual(Level.WARN)) {
                    logger.setLevel(Level.WARN);
                }
            }
        }
    }

    private static boolean isLogback(ILoggerFactory factory) {
        try {
            return factory instanceof LoggerContext;
        } catch (LinkageError absent) {
            return false;
        }
    }
}
