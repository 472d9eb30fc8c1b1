/**
 * Online experiments, independent of any server: sticky keyed-hash bucketing of users into variants
 * ({@link dev.seqmind.rec.abtest.Bucketing}), attribution of later events to the recommendation that showed the item
 * ({@link dev.seqmind.rec.abtest.Attribution}), proportions with Wilson intervals and the Newcombe interval of their
 * difference ({@link dev.seqmind.rec.abtest.Proportions}), an always-valid sequential test (mSPRT with a normal
 * mixture, {@link dev.seqmind.rec.abtest.Msprt}), the fixed-horizon sample size
 * ({@link dev.seqmind.rec.abtest.SampleSize}) and the verdict both the server and {@code seqmind ab replay} print
 * ({@link dev.seqmind.rec.abtest.AbAnalysis}).
 */
package dev.seqmind.rec.abtest;
