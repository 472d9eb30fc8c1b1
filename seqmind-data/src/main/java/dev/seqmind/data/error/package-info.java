/** The errors a user can cause, each naming where the problem is and what to do. */
package dev.seqmind.data.error;
