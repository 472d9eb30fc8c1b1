/**
 * The insight report: {@code InsightRunner} computes vectors, segments, profiles, maps and welcome flows for a
 * dataset (and optionally a saved model) into an {@code InsightReport}; {@code InsightJson} and {@code InsightHtml}
 * write {@code insight.json} and one self-contained offline {@code insight.html} (ECharts inlined from its WebJar).
 */
package dev.seqmind.insight.report;
