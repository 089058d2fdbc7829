// Prometheus metrics of the reconciler (tributary_reconciler_*). A registry passed in is shared
// with the rest of the process; without one the metrics live in a private registry.
import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Queue } from '../queue/index.ts'

export interface ReconcilerMetrics {
  registry: Registry
  entities: Counter<'outcome'>
  messages: Counter<'outcome'>
  batchSeconds: Histogram<never>
  inFlight: Gauge<never>
  lag: Gauge<never>
}

export function createMetrics (queue: Queue, registry = new Registry()): ReconcilerMetrics {
  // A shared registry may still hold these from an earlier reconciler of this process.
  for (const n of ['tributary_reconciler_entities_total', 'tributary_reconciler_messages_total', 'tributary_reconciler_batch_apply_seconds', 'tributary_reconciler_queue_lag', 'tributary_reconciler_in_flight_messages']) {
    if (registry.getSingleMetric(n)) registry.removeSingleMetric(n)
  }
  const entities = new Counter({
    name: 'tributary_reconciler_entities_total',
    help: 'Entities reconciled, by outcome (applied, no_changes, failed).',
    labelNames: ['outcome'] as const,
    registers: [registry]
  })
  const messages = new Counter({
    name: 'tributary_reconciler_messages_total',
    help: 'Queue messages handled, by outcome (acked, nakked, terminated).',
    labelNames: ['outcome'] as const,
    registers: [registry]
  })
  const batchSeconds = new Histogram({
    name: 'tributary_reconciler_batch_apply_seconds',
    help: 'Time to apply one batch of requests, from decode to COMMIT.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry]
  })
  const inFlight = new Gauge({
    name: 'tributary_reconciler_in_flight_messages',
    help: 'Messages fetched and not yet acknowledged by this reconciler.',
    registers: [registry]
  })
  // Queue lag: messages the consumer has not acknowledged yet (JetStream num_pending + ack pending).
  const lag = new Gauge({
    name: 'tributary_reconciler_queue_lag',
    help: 'Messages waiting in the queue or delivered and not yet acknowledged.',
    registers: [registry],
    async collect () {
      try {
        this.set((await queue.stats()).pending)
      } catch {
        // An unreachable queue leaves the last value; /metrics must still answer.
      }
    }
  })
  return { registry, entities, messages, batchSeconds, inFlight, lag }
}
