// The ingester's Prometheus metrics (tributary_ingester_*). Taken from the registry when already
// there, so two ingesters in one process (tests, `up`) can share a registry.
import prom from 'prom-client'

export interface IngesterMetrics {
  registry: prom.Registry
  requests: prom.Counter<'outcome'>
  entities: prom.Counter
  bytes: prom.Counter
  duplicates: prom.Counter
  /** Queue messages published: one per request, more for a request split to fit the queue. */
  messages: prom.Counter
  latency: prom.Histogram<'outcome'>
  publishLatency: prom.Histogram
}

function get<T> (registry: prom.Registry, name: string, make: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make()
}

export function createMetrics (registry: prom.Registry): IngesterMetrics {
  const registers = [registry]
  return {
    registry,
    requests: get(registry, 'tributary_ingester_requests_total', () => new prom.Counter({
      name: 'tributary_ingester_requests_total', help: 'Ingest calls by outcome (gRPC status name).', labelNames: ['outcome'], registers
    })),
    entities: get(registry, 'tributary_ingester_entities_total', () => new prom.Counter({
      name: 'tributary_ingester_entities_total', help: 'Entities in accepted Ingest requests.', registers
    })),
    bytes: get(registry, 'tributary_ingester_request_bytes_total', () => new prom.Counter({
      name: 'tributary_ingester_request_bytes_total', help: 'Bytes of accepted Ingest requests.', registers
    })),
    duplicates: get(registry, 'tributary_ingester_duplicate_requests_total', () => new prom.Counter({
      name: 'tributary_ingester_duplicate_requests_total', help: 'Accepted requests whose id the queue already held (retries).', registers
    })),
    messages: get(registry, 'tributary_ingester_queue_messages_total', () => new prom.Counter({
      name: 'tributary_ingester_queue_messages_total',
      help: 'Queue messages published for accepted requests; a request over the queue\'s message size is split into several.',
      registers
    })),
    latency: get(registry, 'tributary_ingester_request_duration_seconds', () => new prom.Histogram({
      name: 'tributary_ingester_request_duration_seconds', help: 'Ingest call latency in seconds by outcome.', labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers
    })),
    publishLatency: get(registry, 'tributary_ingester_publish_duration_seconds', () => new prom.Histogram({
      name: 'tributary_ingester_publish_duration_seconds', help: 'Time for the queue to acknowledge a publish, in seconds.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3], registers
    }))
  }
}
