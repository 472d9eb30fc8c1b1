package dev.seqmind.server.model;

import java.util.List;
import java.util.Map;

/**
 * Where {@link ModelVersions} keeps its list so it outlives the process: every version recorded, and which one of
 * each name was last made active. A call returns once the change is durable; it throws (and nothing changes in the
 * list) when it cannot be written.
 */
public interface VersionLog extends AutoCloseable {
    /** Every recorded version, in any order. */
    List<ModelVersions.Version> versions();

    /** The active version of each name, as last recorded. */
    Map<String, Long> active();

    /** Records a new version and makes it the active one of its name, in one step. */
    void added(ModelVersions.Version v);

    /** Makes {@code version} the active one of {@code name}. */
    void activated(String name, long version);

    /** Releases what the log holds open (nothing by default). */
    @Override
    default void close() {
    }

    /** Keeps nothing: the list lives as long as the process. */
    VersionLog NONE = new VersionLog() {
        @Override
        public List<ModelVersions.Version> versions() {
            return List.of();
        }

        @Override
        public Map<String, Long> active() {
            return Map.of();
        }

        @Override
        public void added(ModelVersions.Version v) {
        }

        @Override
        public void activated(String name, long version) {
        }
    };
}
