/**
 * Online A/B tests in the server: experiment definitions ({@link dev.seqmind.server.experiment.Definition}, parsed
 * with field-naming errors by {@link dev.seqmind.server.experiment.DefinitionParser}), live experiments with their
 * counters ({@link dev.seqmind.server.experiment.Experiment}), their persistence in the server's database
 * ({@link dev.seqmind.server.experiment.ExperimentStore}) and the service the routes and the hooks in recommendation
 * and event intake call ({@link dev.seqmind.server.experiment.Experiments}). Bucketing, attribution and statistics
 * come from {@code dev.seqmind.rec.abtest}, shared with {@code seqmind ab replay}.
 */
package dev.seqmind.server.experiment;
