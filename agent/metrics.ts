// Prometheus metrics of the agent (tributary_agent_*), registered on the registry the caller
// passes so one process can expose the agent next to other components.
import { Counter, Histogram, Registry } from 'prom-client'

export interface AgentMetrics {
  registry: Registry
  runs: Counter<'policy' | 'status'>
  targets: Counter<'policy' | 'outcome'>
  entitiesSent: Counter<'policy'>
  ticksSkipped: Counter<'policy'>
  runDuration: Histogram<'policy'>
}

export function createAgentMetrics (registry: Registry = new Registry()): AgentMetrics {
  // Registering twice on one registry throws; reuse what an earlier agent registered.
  const counter = <L extends string>(name: string, help: string, labelNames: L[]): Counter<L> =>
    (registry.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [registry] })
  return {
    registry,
    runs: counter('tributary_agent_runs_total', 'Policy runs finished, by final status', ['policy', 'status']),
    targets: counter('tributary_agent_targets_total', 'Targets visited, by outcome (succeeded, failed)', ['policy', 'outcome']),
    entitiesSent: counter('tributary_agent_entities_sent_total', 'Entities sent to the ingester (or written in dry run)', ['policy']),
    ticksSkipped: counter('tributary_agent_ticks_skipped_total', 'Scheduled ticks skipped because the previous run was still going', ['policy']),
    runDuration: (registry.getSingleMetric('tributary_agent_run_duration_seconds') as Histogram<'policy'> | undefined) ??
      new Histogram({
        name: 'tributary_agent_run_duration_seconds',
        help: 'Wall time of one policy run',
        labelNames: ['policy'],
        buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600],
        registers: [registry]
      })
  }
}
