/** Building the Spark session a job runs in: the master, the shuffle width, loopback binding for local runs. */
package dev.seqmind.spark.session;
