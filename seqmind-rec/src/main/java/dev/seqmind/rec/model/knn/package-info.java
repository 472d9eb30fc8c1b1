/**
 * Item-KNN on sequence co-occurrence: items that appear close to each other in users' sequences are neighbours; a
 * history's recent items vote for their neighbours.
 */
package dev.seqmind.rec.model.knn;
