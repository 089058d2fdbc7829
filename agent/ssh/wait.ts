// One bounded wait on a channel: the phase timeout, the idle timeout (no bytes at all), the
// caller's absolute deadline and AbortSignal, and the channel closing. Whichever comes first
// settles the promise; nothing is left waiting. Shared by the shell and exec channels so both end
// the same way when a device hangs or drops.
import {
  SshAbortedError, SshCommandTimeoutError, SshDeadlineError, SshDisconnectedError, SshIdleTimeoutError,
  type SshError, type SshPhase
} from './errors.ts'

export interface WaitLimits {
  /** The phase's own limit in ms (command timeout, connect timeout...). */
  timeout: number
  /** Longest silence in ms; 0 disables. */
  idleTimeout: number
  /** Absolute time (ms since epoch) after which the whole target is over. */
  deadline?: number
  signal?: AbortSignal
}

export interface WaitSpec extends WaitLimits {
  peer: string
  phase: SshPhase
  command?: string
  /** What the wait is for, in messages ("the prompt", "command \"show version\""). */
  what: string
}

/** The smaller of a phase timeout and the time left before a deadline. */
export function budget (timeout: number, deadline?: number): { ms: number, byDeadline: boolean } {
  if (deadline === undefined) return { ms: timeout, byDeadline: false }
  const left = Math.max(0, deadline - Date.now())
  return left < timeout ? { ms: left, byDeadline: true } : { ms: timeout, byDeadline: false }
}

/**
 * A wait that the owner pokes whenever bytes arrive. `check` runs on each poke; when it returns a
 * value the wait resolves (after `settleMs` of further silence, if set).
 */
export class ChannelWait<T> {
  readonly promise: Promise<T>
  #resolve!: (v: T) => void
  #reject!: (e: SshError) => void
  #check: () => T | undefined
  #timers: NodeJS.Timeout[] = []
  #idle?: NodeJS.Timeout
  #settle?: NodeJS.Timeout
  #settleMs: number
  #spec: WaitSpec
  #started = Date.now()
  #done = false
  #onAbort = (): void => { this.fail(this.#abortError) }
  // Made when the wait starts so their stacks name the caller (house style).
  #timeoutError: SshError
  #idleError: SshIdleTimeoutError
  #abortError: SshAbortedError

  constructor (spec: WaitSpec, check: () => T | undefined, settleMs = 0) {
    this.#spec = spec
    this.#check = check
    this.#settleMs = settleMs
    this.promise = new Promise<T>((resolve, reject) => { this.#resolve = resolve; this.#reject = reject })
    const { ms, byDeadline } = budget(spec.timeout, spec.deadline)
    const details = { peer: spec.peer, phase: spec.phase, command: spec.command, elapsedMs: ms }
    this.#timeoutError = byDeadline
      ? new SshDeadlineError(`target deadline reached on ${spec.peer} while waiting for ${spec.what} (${ms} ms left for the ${spec.phase} phase)`, details)
      : new SshCommandTimeoutError(`${spec.what} on ${spec.peer} did not finish within ${ms} ms (${spec.phase} phase)`, details)
    this.#idleError = new SshIdleTimeoutError(`${spec.peer} sent nothing for ${spec.idleTimeout} ms while waiting for ${spec.what} (${spec.phase} phase)`, { ...details, elapsedMs: spec.idleTimeout })
    this.#abortError = new SshAbortedError(`aborted while waiting for ${spec.what} on ${spec.peer} (${spec.phase} phase)`, { ...details, cause: spec.signal?.reason })
    if (spec.signal?.aborted === true) { this.fail(this.#abortError); return }
    spec.signal?.addEventListener('abort', this.#onAbort, { once: true })
    this.#timers.push(setTimeout(() => this.fail(this.#timeoutError), ms))
    this.#armIdle()
    queueMicrotask(() => this.poke())
  }

  get elapsedMs (): number { return Date.now() - this.#started }
  get settled (): boolean { return this.#done }

  /** New bytes arrived: restart the idle clock and re-run the check. */
  poke (): void {
    if (this.#done) return
    this.#armIdle()
    if (this.#settle !== undefined) { clearTimeout(this.#settle); this.#settle = undefined }
    const v = this.#check()
    if (v === undefined) return
    if (this.#settleMs <= 0) { this.#finish(); this.#resolve(v); return }
    this.#settle = setTimeout(() => {
      const again = this.#check()
      if (again === undefined) return
      this.#finish()
      this.#resolve(again)
    }, this.#settleMs)
  }

  /** Runs `fn` after `ms` unless the wait is over by then (used to nudge silent devices). */
  after (ms: number, fn: () => void): void {
    this.#timers.push(setTimeout(() => { if (!this.#done) fn() }, ms))
  }

  /** The channel closed under us. */
  closed (cause?: unknown): void {
    this.fail(new SshDisconnectedError(`${this.#spec.peer} closed the connection after ${this.elapsedMs} ms while waiting for ${this.#spec.what} (${this.#spec.phase} phase)`, {
      peer: this.#spec.peer, phase: this.#spec.phase, command: this.#spec.command, elapsedMs: this.elapsedMs, cause
    }))
  }

  /** Stops the clocks without settling: the caller no longer wants the result. */
  cancel (): void {
    if (!this.#done) this.#finish()
  }

  fail (err: SshError): void {
    if (this.#done) return
    this.#finish()
    this.#reject(err)
  }

  #armIdle (): void {
    if (this.#spec.idleTimeout <= 0) return
    if (this.#idle !== undefined) { this.#idle.refresh(); return }
    this.#idle = setTimeout(() => this.fail(this.#idleError), this.#spec.idleTimeout)
  }

  #finish (): void {
    this.#done = true
    for (const t of this.#timers) clearTimeout(t)
    if (this.#idle !== undefined) clearTimeout(this.#idle)
    if (this.#settle !== undefined) clearTimeout(this.#settle)
    this.#spec.signal?.removeEventListener('abort', this.#onAbort)
  }
}
