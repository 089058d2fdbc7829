// The agent: runs each policy (once, or on its schedule), visits every target of its scope with
// the collectors it has settings for, merges what they found, maps it to entities and sends one
// Ingest per device through the SDK. One bad target never holds up the others: each has its
// own deadline, ends as exactly one warning line when it fails, and the run goes on. Once every
// target of a run is done, the cables its devices' neighbour tables agree on go in one more
// request (mapping/to-cables.ts): only then is each far end known.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { setMaxListeners } from 'node:events'
import PQueue from 'p-queue'
import type { Registry } from 'prom-client'
import type { Logger } from 'pino'
import { createClient, createDryRunClient } from '../sdk/index.ts'
import type { Ingestor } from '../sdk/index.ts'
import type { AgentConfig, PolicyConfig, TargetPlan, StatusListen } from './config/types.ts'
import type { CollectResult, DiscoveredDevice, SnmpTargetSettings, SshTargetSettings } from './model.ts'
import { defaultCollectors } from './collectors.ts'
import type { Collectors, CollectOptions } from './collectors.ts'
import { mergeDevices } from './mapping/merge.ts'
import { toEntities } from './mapping/to-entities.ts'
import { toCables, type MappedDevice } from './mapping/to-cables.ts'
import { createScheduler, systemClock } from './scheduler.ts'
import type { Clock, Scheduler } from './scheduler.ts'
import { RunHistory } from './run-history.ts'
import type { PolicyRun, RunSummary, TargetFailure } from './run-history.ts'
import { createAgentMetrics } from './metrics.ts'
import type { AgentMetrics } from './metrics.ts'
import { createProgress } from './progress.ts'
import type { ProgressStream } from './progress.ts'
import { createStatusServer } from './status-server.ts'
import type { StatusServer } from './status-server.ts'
import { AgentStateError, TargetError } from './errors.ts'
import { assertSendable } from './config/load.ts'

/** Suffix of the producer app name: "<agent_name>/tributary-agent", as orb-agent's "<agent>/<backend>". */
export const PRODUCER_SUFFIX = 'tributary-agent'

export interface AgentOptions {
  config: AgentConfig
  logger: Logger
  /** Where entities go. Default: the SDK's dry-run client when config.dryRun, else an SDK client
   * for config.target, created on first use and closed by stop(). A given one is not closed. */
  ingestor?: Ingestor
  /** Default: the real SNMP and SSH collectors. */
  collectors?: Collectors
  /** Registry for tributary_agent_* metrics; default a new one. */
  metricsRegistry?: Registry
  /** Drives schedules; default the system clock. */
  clock?: Clock
  /** Progress line target; default process.stderr (written only when it is a TTY). */
  progress?: ProgressStream
  /** producer_app_version; default this package's version. */
  appVersion?: string
}

export interface PolicyStatus {
  name: string
  schedule: string | null
  running: boolean
  next_run: string | null
  runs: Array<Record<string, unknown>>
}

export interface AgentStatus {
  agent_name: string
  version: string
  start_time: string
  up_time_seconds: number
  dry_run: boolean
  policies: PolicyStatus[]
}

export interface Agent {
  /** Runs every policy once (in parallel, sharing the concurrency limit) and resolves with all runs.
   * Cables are drawn across all of them: one policy per device still gives the cables between them. */
  runOnce (): Promise<RunSummary>
  /** Runs one policy now; while it is already running, resolves with that run instead. */
  runPolicy (name: string): Promise<PolicyRun>
  /** Starts the status server (when configured) and the schedules; unscheduled policies run once now. */
  start (): Promise<void>
  /** Stops the schedules, cancels targets still queued or in flight, closes the status server and
   * an ingestor the agent created. Safe to call twice. */
  stop (): Promise<void>
  status (): AgentStatus
  /** Where the status server listens, once started. */
  readonly statusAddress: StatusListen | undefined
  readonly metrics: AgentMetrics
}

export function createAgent (options: AgentOptions): Agent {
  return new AgentRuntime(options)
}

class AgentRuntime implements Agent {
  readonly metrics: AgentMetrics
  readonly #config: AgentConfig
  readonly #log: Logger
  /** The caller's logger: sub-components (scheduler, collectors, SDK) name themselves under it,
   * so a log line carries one `component`, not the agent's and theirs. */
  readonly #root: Logger
  readonly #collectors: Collectors
  readonly #clock: Clock
  readonly #progress: ProgressStream | undefined
  readonly #appVersion: string
  readonly #history: RunHistory
  readonly #queue: PQueue
  readonly #stop = new AbortController()
  readonly #running = new Map<string, Promise<PolicyRun>>()
  /** Devices each run discovered and sent, for its cables; dropped with the run. */
  readonly #mapped = new WeakMap<PolicyRun, MappedDevice[]>()
  /** Index of the credential that worked, by protocol, address and port. In memory only. */
  readonly #credentials = new Map<string, number>()
  readonly #startedAt = new Date()
  #ingestor: Ingestor | undefined
  #ownsIngestor = false
  #ingestorPending: Promise<Ingestor> | undefined
  #scheduler: Scheduler | undefined
  #server: StatusServer | undefined
  #stopping: Promise<void> | undefined
  #starting: Promise<void> | undefined

  constructor (options: AgentOptions) {
    // Without an ingestor of its own the agent builds one from the config: check it can now.
    if (options.ingestor === undefined) assertSendable(options.config)
    this.#config = options.config
    this.#root = options.logger
    this.#log = options.logger.child({ component: 'agent' })
    this.#collectors = { ...defaultCollectors, ...options.collectors }
    this.#clock = options.clock ?? systemClock
    this.#progress = options.progress ?? process.stderr
    this.#appVersion = options.appVersion ?? packageVersion()
    this.#history = new RunHistory(options.config.runHistory)
    this.#queue = new PQueue({ concurrency: options.config.concurrency })
    // Every target visit in flight listens on the stop signal (one each, removed when the visit
    // ends), so up to `concurrency` at once is the design, not a leak: without this, Node warned
    // of a possible leak as soon as more than 10 devices were visited together.
    setMaxListeners(options.config.concurrency + 10, this.#stop.signal)
    this.metrics = createAgentMetrics(options.metricsRegistry)
    this.#ingestor = options.ingestor
  }

  get statusAddress (): StatusListen | undefined {
    return this.#server?.address
  }

  async runOnce (): Promise<RunSummary> {
    const runs = await Promise.all(this.#config.policies.map(async (p) => await this.#startPolicy(p.name, false)))
    await this.#sendCables(runs, this.#log.child({ policies: runs.map((r) => r.policy) }))
    return { runs, discovered: runs.some((r) => r.succeeded > 0) }
  }

  runPolicy (name: string): Promise<PolicyRun> {
    return this.#startPolicy(name, true)
  }

  /** Starts a policy run, or joins the one in flight (which then sends its own cables). */
  #startPolicy (name: string, cables: boolean): Promise<PolicyRun> {
    const policy = this.#config.policies.find((p) => p.name === name)
    if (policy === undefined) return Promise.reject(new AgentStateError('ERR_AGENT_UNKNOWN_POLICY', `no policy named "${name}"`))
    const inFlight = this.#running.get(name)
    if (inFlight !== undefined) return inFlight
    const run = this.#runPolicy(policy, cables).finally(() => this.#running.delete(name))
    this.#running.set(name, run)
    return run
  }

  async start (): Promise<void> {
    if (this.#stop.signal.aborted) throw new AgentStateError('ERR_AGENT_STOPPED', 'agent was stopped; create a new one')
    // Concurrent calls share one start; a failed start may be retried.
    this.#starting ??= this.#start().catch((err: unknown) => { this.#starting = undefined; throw err })
    await this.#starting
  }

  async #start (): Promise<void> {
    if (this.#config.statusListen !== undefined && this.#server === undefined) {
      this.#server = await createStatusServer({
        listen: this.#config.statusListen,
        logger: this.#root,
        status: () => this.status(),
        registry: this.metrics.registry
      })
      this.#log.info({ address: this.#server.address }, 'status server listening')
    }
    await this.#ensureIngestor()
    const scheduler = createScheduler({
      logger: this.#root,
      clock: this.#clock,
      onSkip: (policy) => this.metrics.ticksSkipped.inc({ policy })
    })
    this.#scheduler = scheduler
    for (const p of this.#config.policies) scheduler.add(p.name, p.schedule, async () => await this.runPolicy(p.name))
    scheduler.start()
    this.#log.info({ policies: this.#config.policies.map((p) => ({ name: p.name, schedule: p.schedule ?? 'once', targets: p.targets.length })) }, 'agent started')
  }

  stop (): Promise<void> {
    this.#stopping ??= (async () => {
      this.#stop.abort(new TargetError('ERR_AGENT_CANCELLED', 'agent', 'agent is stopping'))
      await this.#scheduler?.stop()
      await Promise.allSettled([...this.#running.values()])
      await this.#server?.close()
      if (this.#ownsIngestor) await this.#ingestor?.close()
      this.#log.info('agent stopped')
    })()
    return this.#stopping
  }

  status (): AgentStatus {
    return {
      agent_name: this.#config.agentName,
      version: this.#appVersion,
      start_time: this.#startedAt.toISOString(),
      up_time_seconds: Math.round((Date.now() - this.#startedAt.getTime()) / 1000),
      dry_run: this.#config.dryRun,
      policies: this.#config.policies.map((p) => {
        const next = this.#scheduler?.nextRun(p.name)
        return {
          name: p.name,
          schedule: p.schedule ?? null,
          running: this.#running.has(p.name),
          next_run: next === undefined ? null : new Date(next).toISOString(),
          runs: this.#history.of(p.name).map(runJson)
        }
      })
    }
  }

  async #ensureIngestor (): Promise<Ingestor> {
    if (this.#ingestor !== undefined) return this.#ingestor
    this.#ingestorPending ??= (async () => {
      const appName = `${this.#config.agentName}/${PRODUCER_SUFFIX}`
      const ingestor = this.#config.dryRun
        ? createDryRunClient({ appName, appVersion: this.#appVersion, ...(this.#config.dryRunOutputDir !== undefined ? { outputDir: this.#config.dryRunOutputDir } : {}) })
        : await createClient({
          target: this.#config.target ?? '',
          appName,
          appVersion: this.#appVersion,
          ...(this.#config.clientId !== undefined ? { clientId: this.#config.clientId } : {}),
          ...(this.#config.clientSecret !== undefined ? { clientSecret: this.#config.clientSecret } : {}),
          logger: this.#root
        })
      this.#ingestor = ingestor
      this.#ownsIngestor = true
      return ingestor
    })()
    return await this.#ingestorPending
  }

  async #runPolicy (policy: PolicyConfig, cables: boolean): Promise<PolicyRun> {
    const run: PolicyRun = {
      policy: policy.name,
      runId: randomUUID(),
      startedAt: new Date().toISOString(),
      status: 'running',
      targets: policy.targets.length,
      succeeded: 0,
      failed: 0,
      failures: [],
      warnings: 0,
      entitiesSent: 0
    }
    this.#history.add(run)
    this.#mapped.set(run, [])
    const log = this.#log.child({ policy: policy.name, run_id: run.runId })
    const started = Date.now()
    log.info({ targets: run.targets }, 'policy run started')
    const progress = createProgress(policy.name, this.#progress)
    let done = 0
    try {
      const ingestor = await this.#ensureIngestor()
      // The policy's own limit keeps it from filling the shared queue; the shared queue keeps all
      // policies together within tributary.concurrency.
      const local = new PQueue({ concurrency: policy.concurrency })
      await Promise.all(policy.targets.map(async (plan) => await local.add(async () => await this.#queue.add(async () => {
        try {
          await this.#visit(policy, plan, run, ingestor, log)
        } catch (err) {
          // A bug in mapping or bookkeeping must cost one target, not the run.
          log.error({ target: plan.host, err }, 'target failed unexpectedly')
          this.#fail(run, plan.host, 'ERR_AGENT_INTERNAL', `internal error: ${(err as Error)?.message ?? String(err)}`)
        }
        done++
        progress.update(done, run.targets, run.failed)
      }))))
    } catch (err) {
      // Only reached when no ingestor could be made: every target fails for the same reason.
      const reason = (err as Error).message
      const code = (err as { code?: string }).code ?? 'ERR_AGENT_INGESTOR'
      log.error({ code, reason }, 'policy run failed: no ingestor')
      for (const plan of policy.targets.slice(done)) this.#fail(run, plan.host, code, reason)
    } finally {
      progress.end()
    }
    if (cables) await this.#sendCables([run], log)
    run.endedAt = new Date().toISOString()
    run.status = this.#stop.signal.aborted ? 'cancelled' : run.succeeded > 0 || run.targets === 0 ? 'completed' : 'failed'
    this.metrics.runs.inc({ policy: policy.name, status: run.status })
    this.metrics.runDuration.observe({ policy: policy.name }, (Date.now() - started) / 1000)
    log.info({ status: run.status, targets: run.targets, succeeded: run.succeeded, failed: run.failed, entities_sent: run.entitiesSent }, 'policy run finished')
    return run
  }

  async #visit (policy: PolicyConfig, plan: TargetPlan, run: PolicyRun, ingestor: Ingestor, runLog: Logger): Promise<void> {
    const log = runLog.child({ target: plan.host })
    const secrets = secretsOf(plan)
    const fail = (code: string, reason: string): void => {
      const safe = scrub(reason, secrets)
      this.#fail(run, plan.host, code, safe)
      // The one line per failed target (orb-agent#494: no traceback storms on sweeps).
      log.warn({ code, reason: safe }, 'target failed')
    }
    if (this.#stop.signal.aborted) { this.#fail(run, plan.host, 'ERR_AGENT_CANCELLED', 'agent stopped before the target was visited'); return }

    const timeout = policy.timeoutPerTarget
    // Made before the work starts so its message names the limit that was hit.
    const timeoutError = new TargetError('ERR_AGENT_TARGET_TIMEOUT', plan.host, `no result within timeout_per_target (${timeout} ms)`)
    const controller = new AbortController()
    // Not unref()ed: this timer bounds work in flight and must fire even if nothing else is pending.
    const timer = setTimeout(() => controller.abort(timeoutError), timeout)
    const onStop = (): void => controller.abort(this.#stop.signal.reason)
    this.#stop.signal.addEventListener('abort', onStop, { once: true })
    const deadline = Date.now() + timeout

    let outcome: Array<{ source: 'snmp' | 'ssh', result?: CollectResult, error?: unknown }>
    // A target given by name still has a management address; resolved alongside the collection.
    const resolving = isIP(plan.host) !== 0 ? Promise.resolve([]) : resolveHost(plan.host)
    try {
      const attempts: Array<Promise<{ source: 'snmp' | 'ssh', result?: CollectResult, error?: unknown }>> = []
      const common = { logger: this.#root.child({ policy: policy.name, run_id: run.runId }), signal: controller.signal, deadline }
      if (plan.snmp !== undefined) attempts.push(this.#collect('snmp', plan.snmp, common, controller.signal))
      if (plan.ssh !== undefined) attempts.push(this.#collect('ssh', plan.ssh, common, controller.signal))
      outcome = await Promise.all(attempts)
    } finally {
      clearTimeout(timer)
      this.#stop.signal.removeEventListener('abort', onStop)
    }

    const ok = outcome.filter((o) => o.result !== undefined)
    const failed = outcome.filter((o) => o.result === undefined)
    const describe = (o: { source: string, error?: unknown }): { code: string, reason: string } => {
      const err = o.error
      const code = (err as { code?: unknown })?.code
      const message = err === controller.signal.reason && err !== undefined
        ? `did not stop within ${ABORT_GRACE_MS} ms of being aborted`
        : err instanceof Error ? err.message : String(err)
      return { code: typeof code === 'string' ? code : 'ERR_AGENT_COLLECT', reason: `${o.source}: ${message}` }
    }
    if (ok.length === 0 && this.#stop.signal.aborted && controller.signal.reason === this.#stop.signal.reason) {
      // Stopping is not the target's fault: recorded, not warned about.
      this.#fail(run, plan.host, 'ERR_AGENT_CANCELLED', 'agent stopped while the target was being discovered')
      return
    }
    if (ok.length === 0) {
      const described = failed.map(describe)
      // A timeout is the one cause worth naming as such, whatever each collector said on abort.
      const code = controller.signal.reason === timeoutError ? timeoutError.code : described[0]?.code ?? 'ERR_AGENT_COLLECT'
      const reasons = described.map((d) => d.reason)
      if (controller.signal.reason === timeoutError) reasons.unshift(`timed out after ${timeout} ms (timeout_per_target)`)
      fail(code, reasons.join('; '))
      return
    }

    for (const o of ok) this.#credentials.set(credentialKey(o.source, o.source === 'snmp' ? plan.snmp! : plan.ssh!), o.result!.credentialIndex)
    const warnings = ok.flatMap((o) => (o.result!.warnings ?? []).map((w) => ({ source: o.source, ...w })))
    if (failed.length > 0) {
      warnings.push(...failed.map((f) => ({ source: f.source, phase: 'collect', ...describe(f), message: describe(f).reason })))
    }

    let entities
    let device: DiscoveredDevice
    try {
      device = mergeDevices(ok.find((o) => o.source === 'snmp')?.result?.device, ok.find((o) => o.source === 'ssh')?.result?.device)
      entities = toEntities(device, plan.defaults, { vendors: this.#config.vendors, managementAddresses: await resolving })
    } catch (err) {
      fail('ERR_AGENT_MAPPING', `could not map what the device reported: ${(err as Error).message}`)
      return
    }

    try {
      const result = await ingestor.ingest(entities, {
        metadata: { policy_name: policy.name, run_id: run.runId, agent_name: this.#config.agentName, target: plan.host },
        signal: this.#stop.signal
      })
      run.entitiesSent += entities.length
      this.metrics.entitiesSent.inc({ policy: policy.name }, entities.length)
      if (result.errors.length > 0) {
        fail('ERR_AGENT_INGEST_REJECTED', `ingester reported ${result.errors.length} error(s): ${result.errors.slice(0, 3).join('; ')}`)
        return
      }
      run.succeeded++
      this.#mapped.get(run)?.push({ discovered: device, device: entities[0].device! })
      this.metrics.targets.inc({ policy: policy.name, outcome: 'succeeded' })
      if (warnings.length > 0) {
        run.warnings++
        // Partial data is worth one line: the device answered, but not everything.
        log.warn({ entities: entities.length, gaps: warnings.map((w) => ({ source: w.source, phase: w.phase, code: w.code, reason: scrub(w.message, secrets) })) }, 'target discovered with gaps')
      } else {
        log.debug({ entities: entities.length, request_ids: result.requestIds }, 'target discovered')
      }
    } catch (err) {
      if (this.#stop.signal.aborted) {
        this.#fail(run, plan.host, 'ERR_AGENT_CANCELLED', 'agent stopped while the entities were being sent')
        return
      }
      const code = (err as { code?: unknown }).code
      fail(typeof code === 'string' ? code : 'ERR_AGENT_INGEST_FAILED', `sending entities failed: ${(err as Error).message}`)
    }
  }

  async #collect (source: 'snmp' | 'ssh', settings: SnmpTargetSettings | SshTargetSettings, common: CollectOptions, signal: AbortSignal): Promise<{ source: 'snmp' | 'ssh', result?: CollectResult, error?: unknown }> {
    const preferred = this.#credentials.get(credentialKey(source, settings))
    const options: CollectOptions = { ...common, ...(preferred !== undefined ? { preferredCredential: preferred } : {}) }
    if (source === 'snmp') {
      const vendors = numericVendors(this.#config.vendors)
      if (vendors !== undefined) options.vendors = vendors
    }
    try {
      const collector = source === 'snmp' ? this.#collectors.snmp : this.#collectors.ssh
      if (collector === undefined) throw new TargetError('ERR_AGENT_NO_COLLECTOR', settings.host, `no ${source} collector available`)
      const work = source === 'snmp'
        ? (collector as NonNullable<Collectors['snmp']>)(settings as SnmpTargetSettings, options)
        : (collector as NonNullable<Collectors['ssh']>)(settings as SshTargetSettings, options)
      // The collector is asked to stop through the signal; this only guarantees the run moves on
      // if one does not listen.
      const result = await abortable(work, signal)
      if (!isCollectResult(result)) throw new TargetError('ERR_AGENT_INVALID_RESULT', settings.host, `${source} collector returned no usable device`)
      return { source, result }
    } catch (error) {
      return { source, error }
    }
  }

  /** Sends the cables between the devices these runs discovered, in a request of their own after
   * every device's: a failure costs the cables (one warning line), never a target. */
  async #sendCables (runs: PolicyRun[], log: Logger): Promise<void> {
    if (this.#stop.signal.aborted) return
    const devices = runs.flatMap((r) => this.#mapped.get(r) ?? [])
    let cables
    try {
      cables = toCables(devices)
    } catch (err) {
      log.warn({ code: 'ERR_AGENT_MAPPING', reason: (err as Error).message }, 'could not map neighbours to cables')
      return
    }
    if (cables.length === 0) return
    try {
      const ingestor = await this.#ensureIngestor()
      const result = await ingestor.ingest(cables, {
        metadata: { policy_name: runs.map((r) => r.policy).join(','), run_id: runs.map((r) => r.runId).join(','), agent_name: this.#config.agentName },
        signal: this.#stop.signal
      })
      // Cables drawn across several policies' runs belong to none of them: logged, not counted.
      if (runs.length === 1) {
        runs[0].entitiesSent += cables.length
        this.metrics.entitiesSent.inc({ policy: runs[0].policy }, cables.length)
      }
      if (result.errors.length > 0) {
        log.warn({ code: 'ERR_AGENT_INGEST_REJECTED', reason: result.errors.slice(0, 3).join('; ') }, 'cables rejected')
        return
      }
      log.info({ cables: cables.length, request_ids: result.requestIds }, 'cables sent')
    } catch (err) {
      if (this.#stop.signal.aborted) return
      const code = (err as { code?: unknown }).code
      log.warn({ code: typeof code === 'string' ? code : 'ERR_AGENT_INGEST_FAILED', reason: (err as Error).message }, 'sending cables failed')
    }
  }

  #fail (run: PolicyRun, target: string, code: string, reason: string): void {
    const failure: TargetFailure = { target, code, reason }
    run.failures.push(failure)
    run.failed++
    this.metrics.targets.inc({ policy: run.policy, outcome: 'failed' })
  }
}

function credentialKey (source: 'snmp' | 'ssh', settings: { host: string, port?: number }): string {
  return `${source}|${settings.host}|${settings.port ?? ''}`
}

function runJson (run: PolicyRun): Record<string, unknown> {
  return {
    run_id: run.runId,
    status: run.status,
    started_at: run.startedAt,
    ended_at: run.endedAt ?? null,
    targets: run.targets,
    succeeded: run.succeeded,
    failed: run.failed,
    warnings: run.warnings,
    entities_sent: run.entitiesSent,
    failures: run.failures.map((f) => ({ target: f.target, code: f.code, reason: f.reason }))
  }
}

function isCollectResult (r: unknown): r is CollectResult {
  const d = (r as { device?: DiscoveredDevice } | undefined)?.device
  return d !== undefined && d !== null && typeof d === 'object' && typeof d.target === 'string' &&
    ['interfaces', 'addresses', 'vlans', 'vrfs', 'inventory', 'neighbors'].every((k) => Array.isArray((d as unknown as Record<string, unknown>)[k])) &&
    Number.isInteger((r as CollectResult).credentialIndex)
}

/** How long resolving a target's host name may take for the primary IP, in ms (as orb-agent). */
const RESOLVE_TIMEOUT_MS = 2000

async function resolveHost (host: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<string[]>((resolve) => { timer = setTimeout(() => resolve([]), RESOLVE_TIMEOUT_MS) })
  try {
    return await Promise.race([lookup(host, { all: true }).then((all) => all.map((a) => a.address), () => []), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** How long a collector may take to wind down after its signal fired before the agent moves on. */
const ABORT_GRACE_MS = 1000

// After an abort the collector gets a moment to settle with its own error (which names the
// phase it was in); only one that ignores its signal is cut off with the abort reason.
function abortable<T> (work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let grace: NodeJS.Timeout | undefined
    const onAbort = (): void => { grace = setTimeout(() => reject(signal.reason), ABORT_GRACE_MS) }
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => {
      clearTimeout(grace)
      signal.removeEventListener('abort', onAbort)
    })
  })
}

/** Every secret of a target's settings, to scrub from messages before they are logged or kept. */
function secretsOf (plan: TargetPlan): string[] {
  const out: string[] = []
  for (const c of plan.snmp?.credentials ?? []) out.push(c.community ?? '', c.authKey ?? '', c.privKey ?? '')
  for (const c of plan.ssh?.credentials ?? []) out.push(c.password ?? '', c.passphrase ?? '', c.enableSecret ?? '', c.privateKey ?? '')
  // Very short values (a community "x") would shred ordinary words; collectors already keep
  // secrets out of their messages, this is the second line of defence.
  return out.filter((s) => s.length >= 4)
}

function scrub (text: string, secrets: string[]): string {
  let out = text
  for (const s of secrets) out = out.split(s).join('[Redacted]')
  return out
}

function numericVendors (vendors: Record<string, string>): Record<number, string> | undefined {
  const entries = Object.entries(vendors).filter(([k]) => /^\d+$/.test(k)).map(([k, v]) => [Number(k), v] as const)
  return entries.length === 0 ? undefined : Object.fromEntries(entries)
}

function packageVersion (): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
}
