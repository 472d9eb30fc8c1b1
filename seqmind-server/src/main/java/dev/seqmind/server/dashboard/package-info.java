/**
 * The dashboard behind {@code /}: its static pages (served from the classpath with ECharts from its WebJar) and what
 * its read-only JSON routes compute: request and event rates with windowed latency percentiles from the meter
 * registry ({@link dev.seqmind.server.dashboard.TrafficWindow}), a summary of the stored events
 * ({@link dev.seqmind.server.dashboard.StoreSummary}), and the evaluation figures of the loaded models
 * ({@link dev.seqmind.server.dashboard.ModelReports}).
 */
package dev.seqmind.server.dashboard;
