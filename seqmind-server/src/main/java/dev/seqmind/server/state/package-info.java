/**
 * What every route reads and changes while the server runs: {@link dev.seqmind.server.state.ServiceState} (store,
 * live sequences, models, rules, keys, experiments, meters) and the request {@link dev.seqmind.server.state.Limits}.
 * Below both the route groups ({@code api}) and the server that wires them, so neither depends back on the other.
 */
package dev.seqmind.server.state;
