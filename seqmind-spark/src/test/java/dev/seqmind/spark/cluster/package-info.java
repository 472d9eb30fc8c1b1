/** The jobs on a real Spark standalone cluster (a master and two workers as separate JVMs on 127.0.0.1). */
package dev.seqmind.spark.cluster;
