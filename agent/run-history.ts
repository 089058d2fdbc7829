// What the agent remembers of its runs: the last N per policy, shown at GET /api/v1/status and
// printed by `tributary agent --once`. Reasons are collector and SDK messages, which never carry
// a secret; nothing else about a target is kept.

export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled'

export interface TargetFailure {
  target: string
  /** Stable error code, e.g. ERR_SNMP_TIMEOUT, ERR_AGENT_TARGET_TIMEOUT. */
  code: string
  reason: string
}

export interface PolicyRun {
  policy: string
  runId: string
  /** ISO 8601. */
  startedAt: string
  endedAt?: string
  /** completed: at least one target succeeded or there were none; failed: every target failed. */
  status: RunStatus
  targets: number
  succeeded: number
  failed: number
  failures: TargetFailure[]
  /** Targets that succeeded with parts missing (a table or command that failed). */
  warnings: number
  entitiesSent: number
}

export interface RunSummary {
  runs: PolicyRun[]
  /** True when at least one target of any policy was discovered, or no policy had a target. */
  discovered: boolean
}

export class RunHistory {
  readonly #limit: number
  readonly #runs = new Map<string, PolicyRun[]>()

  constructor (limit: number) {
    this.#limit = limit
  }

  add (run: PolicyRun): void {
    const list = this.#runs.get(run.policy) ?? []
    list.push(run)
    if (list.length > this.#limit) list.splice(0, list.length - this.#limit)
    this.#runs.set(run.policy, list)
  }

  /** Runs of a policy, oldest first. */
  of (policy: string): PolicyRun[] {
    return [...(this.#runs.get(policy) ?? [])]
  }
}
