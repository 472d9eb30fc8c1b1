/**
 * The HTTP API: one class per route group ({@code EventRoutes}, {@code RecommendationRoutes}, ...), each registering
 * its routes through {@link dev.seqmind.server.api.RouteTable}, which applies authentication, roles, rate limits,
 * metrics and the error format to every route, and records the routes for the OpenAPI check.
 */
package dev.seqmind.server.api;
