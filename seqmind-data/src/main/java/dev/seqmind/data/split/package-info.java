/** Leave-one-out and temporal splits that keep every test event out of training. */
package dev.seqmind.data.split;
