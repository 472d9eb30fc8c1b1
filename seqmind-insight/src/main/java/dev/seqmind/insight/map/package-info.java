/** Maps: two-dimensional projections of user and item vectors (principal components from Commons Math 3). */
package dev.seqmind.insight.map;
