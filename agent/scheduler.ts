// Fires each policy on its cron schedule and never lets a policy overlap itself: a tick that
// comes while the previous run is still going is skipped and reported (orb-agent's gocron
// "singleton reschedule" behaviour). The clock is injected so tests drive ticks deterministically.
import { CronExpressionParser } from 'cron-parser'
import type { Logger } from 'pino'

/** Longest delay setTimeout takes (2^31-1 ms, about 24.8 days); longer waits re-arm. */
const MAX_TIMER_DELAY = 2_147_483_647

export interface Clock {
  /** Current time, ms since the epoch. */
  now (): number
  /** Calls `fn` after `delay` ms; the returned function cancels it. Timers must not keep the
   * process alive. */
  setTimer (fn: () => void, delay: number): () => void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer (fn, delay) {
    const t = setTimeout(fn, Math.max(0, delay))
    t.unref()
    return () => clearTimeout(t)
  }
}

export interface SchedulerOptions {
  logger: Logger
  /** Default: the system clock. */
  clock?: Clock
  /** Called when a tick is skipped because the job is still running. */
  onSkip?: (name: string) => void
}

export interface Scheduler {
  /** Registers a job; `cron` undefined runs it once when the scheduler starts. */
  add (name: string, cron: string | undefined, run: () => Promise<unknown>): void
  start (): void
  /** Stops firing; resolves when the runs in flight have finished. Safe to call twice. */
  stop (): Promise<void>
  isRunning (name: string): boolean
  /** Next planned tick of a job, ms since the epoch, or undefined. */
  nextRun (name: string): number | undefined
}

interface Job {
  name: string
  cron?: string
  run: () => Promise<unknown>
  running?: Promise<void>
  cancel?: () => void
  next?: number
}

export function createScheduler (options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? systemClock
  const log = options.logger.child({ component: 'scheduler' })
  const jobs = new Map<string, Job>()
  let started = false
  let stopped = false

  const nextTick = (cron: string, after: number): number =>
    // +1 ms so a tick that fires exactly on its minute does not find itself again.
    CronExpressionParser.parse(cron, { currentDate: new Date(after + 1) }).next().getTime()

  const arm = (job: Job): void => {
    if (stopped || job.cron === undefined) return
    const due = job.next ?? nextTick(job.cron, clock.now())
    job.next = due
    job.cancel = clock.setTimer(() => {
      if (stopped) return
      // Timers may fire early (clamped long delays) or late (a busy loop); only due ticks count.
      if (clock.now() < due) { arm(job); return }
      job.next = nextTick(job.cron!, Math.max(due, clock.now()))
      arm(job)
      fire(job)
    }, Math.min(due - clock.now(), MAX_TIMER_DELAY))
  }

  const fire = (job: Job): void => {
    if (job.running !== undefined) {
      log.warn({ policy: job.name }, 'policy run still in progress: tick skipped')
      options.onSkip?.(job.name)
      return
    }
    job.running = (async () => {
      try {
        await job.run()
      } catch (err) {
        // Runs record their own failures; this only catches a bug in one.
        log.error({ policy: job.name, err }, 'policy run failed unexpectedly')
      } finally {
        job.running = undefined
      }
    })()
  }

  return {
    add (name, cron, run) {
      if (jobs.has(name)) throw new TypeError(`scheduler: job "${name}" already added`)
      const job: Job = { name, run, ...(cron !== undefined ? { cron } : {}) }
      jobs.set(name, job)
      if (started) cron === undefined ? fire(job) : arm(job)
    },
    start () {
      if (started || stopped) return
      started = true
      for (const job of jobs.values()) job.cron === undefined ? fire(job) : arm(job)
    },
    async stop () {
      stopped = true
      for (const job of jobs.values()) { job.cancel?.(); job.next = undefined }
      await Promise.all([...jobs.values()].map((j) => j.running))
    },
    isRunning: (name) => jobs.get(name)?.running !== undefined,
    nextRun: (name) => jobs.get(name)?.next
  }
}
