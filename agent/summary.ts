// The end-of-run summary a person reads after `tributary agent --once`.
import type { RunSummary } from './run-history.ts'

/** Failure lines shown per policy before the rest are counted. */
const MAX_FAILURES_SHOWN = 20

export function formatRunSummary (summary: RunSummary): string {
  const lines: string[] = []
  for (const run of summary.runs) {
    const seconds = run.endedAt !== undefined ? ((Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 1000).toFixed(1) : '?'
    const gaps = run.warnings > 0 ? `, ${run.warnings} with gaps` : ''
    lines.push(`policy ${run.policy}: ${run.targets} target(s), ${run.succeeded} ok${gaps}, ${run.failed} failed, ${run.entitiesSent} entities sent (${run.status}, ${seconds} s)`)
    for (const f of run.failures.slice(0, MAX_FAILURES_SHOWN)) lines.push(`  failed ${f.target}: ${f.reason} [${f.code}]`)
    if (run.failures.length > MAX_FAILURES_SHOWN) lines.push(`  ... and ${run.failures.length - MAX_FAILURES_SHOWN} more (see the log or GET /api/v1/status)`)
  }
  lines.push(summary.discovered ? 'discovery finished' : 'nothing could be discovered')
  return lines.join('\n') + '\n'
}
