// Exponential backoff with jitter and an abortable sleep, shared by the token call and the
// Ingest retries.
import { setTimeout as sleepTimer } from 'node:timers/promises'
import { SdkError, ERR_SDK_ABORTED } from './errors.ts'

export interface BackoffOptions {
  /** First delay in ms (default 1000). */
  initial: number
  /** Cap of a single delay in ms (default 30000). */
  max: number
}

export const DEFAULT_BACKOFF_INITIAL_MS = 1000
export const DEFAULT_BACKOFF_MAX_MS = 30_000

/** Delay before retry number `retry` (0-based): initial doubling up to max, with the upper half
 * jittered so that many clients restarted together do not retry in lock-step. */
export function backoffDelay (retry: number, options: BackoffOptions): number {
  const base = Math.min(options.max, options.initial * 2 ** Math.min(retry, 30))
  return Math.round(base / 2 + Math.random() * base / 2)
}

/** Sleeps `ms`, rejecting with ERR_SDK_ABORTED when `signal` aborts. The timer is ref'd on
 * purpose: a caller awaiting a retry is work in progress, not a background task. */
export async function sleep (ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleepTimer(ms, undefined, { signal })
  } catch (err) {
    throw new SdkError(ERR_SDK_ABORTED, `aborted while waiting ${ms} ms before a retry`, { cause: err })
  }
}

/** Parses Retry-After (delta seconds or HTTP date) into ms, undefined when absent or invalid. */
export function parseRetryAfter (value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}
