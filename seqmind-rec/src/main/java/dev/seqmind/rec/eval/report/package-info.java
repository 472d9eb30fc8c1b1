/**
 * Comparing several models on one split and writing the result: {@link dev.seqmind.rec.eval.report.EvaluationRunner}
 * fits and evaluates, {@link dev.seqmind.rec.eval.report.ReportBuilder} adds confidence intervals and significance
 * against the best baseline, and {@code ReportJson} / {@code ReportHtml} write {@code report.json} and one
 * self-contained, offline {@code report.html} (ECharts inlined from the classpath).
 */
package dev.seqmind.rec.eval.report;
