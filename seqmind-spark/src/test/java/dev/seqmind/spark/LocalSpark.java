package dev.seqmind.spark;

import dev.seqmind.spark.session.SessionSpec;
import dev.seqmind.spark.session.SparkSessions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test the one local[2] session of the test JVM: started by the first test that asks, kept in JUnit's root
 * store and stopped when the whole run ends (starting Spark costs seconds; surefire runs all classes in one JVM).
 * Use with {@code @ExtendWith(LocalSpark.class)} and a {@link SparkSession} parameter.
 */
public final class LocalSpark implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalSpark.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getRoot().getStore(NS).getOrComputeIfAbsent("session", k -> new Holder(), Holder.class).session;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final SparkSession session = SparkSessions.start(new SessionSpec("local[2]", 4, "seqmind-test"));

        @Override
        public void close() {
            session.stop();
        }
    }
}
