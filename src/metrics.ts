import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of one server, in a registry of its own (several servers can share a
 * process, as in tests). Labels take few values: a route, a status, an error code, an operation
 * type; never an operation name, which clients choose.
 */
export function createMetrics() {
  const registry = new Registry();
  // process_* and nodejs_*: memory, CPU, event-loop lag, handles, GC.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'scholar_graph_http_requests_total',
      help: 'HTTP requests answered, by route and status.',
      labelNames: ['route', 'status'] as const,
      registers,
    }),
    duration: new Histogram({
      name: 'scholar_graph_http_request_duration_seconds',
      help: 'Time from request to response, by route.',
      labelNames: ['route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    inFlight: new Gauge({ name: 'scholar_graph_http_requests_in_flight', help: 'Requests being served.', registers }),
    operations: new Counter({
      name: 'scholar_graph_graphql_operations_total',
      help: 'GraphQL operations executed, by type.',
      labelNames: ['type'] as const,
      registers,
    }),
    errors: new Counter({
      name: 'scholar_graph_graphql_errors_total',
      help: 'Errors in GraphQL responses, by extensions.code.',
      labelNames: ['code'] as const,
      registers,
    }),
    statements: new Histogram({
      name: 'scholar_graph_cypher_statements_per_request',
      help: 'Cypher statements a GraphQL request sent.',
      buckets: [0, 1, 2, 4, 8, 16, 32, 64],
      registers,
    }),
    responseCache: new Counter({
      name: 'scholar_graph_response_cache_requests_total',
      help: 'GraphQL requests by what the response cache did: hit, miss, not_modified (304), bypass (graph version unknown).',
      labelNames: ['result'] as const,
      registers,
    }),
    responseCacheFlushes: new Counter({
      name: 'scholar_graph_response_cache_flushes_total',
      help: 'Times the graph changed and the response cache started over.',
      registers,
    }),
    mutations: new Counter({
      name: 'scholar_graph_mutations_total',
      help: 'GraphQL mutations answered, by outcome: ok, or the first error code (TIMEOUT: a write over NEO4J_WRITE_TIMEOUT_MS, rolled back; SERVICE_UNAVAILABLE: refused while draining or Neo4j away).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    databaseUp: new Gauge({
      name: 'scholar_graph_neo4j_up',
      help: '1 when the last readiness check reached Neo4j, else 0.',
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
