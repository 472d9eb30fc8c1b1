/**
 * The data layer's root holds only {@link dev.seqmind.data.SeqmindVersion} (the build version and git commit every
 * provenance record carries). The rest lives in sub-packages: {@code model} (the immutable dataset), {@code read},
 * {@code ingest}, {@code clean}, {@code privacy}, {@code store}, {@code write}, {@code split}, {@code stats},
 * {@code generate}, {@code progress} and {@code error}.
 */
package dev.seqmind.data;
