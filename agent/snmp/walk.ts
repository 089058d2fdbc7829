// Walks table columns (each column its own subtree, never whole tables) with GETBULK, several
// columns per request, and falls back to GETNEXT for the rest of the device's walks when the
// device mishandles GETBULK: an error-status, no answer to GETBULK although it answered a GET,
// an empty response, or OIDs that do not increase (RFC 3416 4.2.3 requires lexicographic order).
import snmp from 'net-snmp'
import { SnmpAgentError, SnmpTimeoutError } from './errors.ts'
import type { Phase, SnmpSession, Varbind } from './session.ts'

/** Per-device walk strategy, shared by every walk of one collection. */
export interface WalkState {
  mode: 'bulk' | 'next'
  maxRepetitions: number
  /** Why the device was switched to GETNEXT, once it was. */
  fallbackReason?: string
  /** Columns cut short because the device looped (same or lower OID under GETNEXT). */
  truncated: string[]
}

/** Rows of one column: index suffix (the OID part after the column) -> varbind. */
export type ColumnRows = Map<string, Varbind>

/** A column is never longer than this; a device that keeps answering is looping. */
export const MAX_ROWS_PER_COLUMN = 200_000

const TOO_BIG = 1

/**
 * Varbinds asked for in one GETBULK, across its columns. Agents cap responses (snmpsim at 64 and it
 * loops on more; devices at their message size), and a 1500-byte frame holds about this many.
 */
export const MAX_VARBINDS_PER_REQUEST = 60

/** Orders dotted OIDs arc by arc, without allocating (it runs once per varbind). */
export function compareOids (a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    let x = 0
    while (i < a.length && a.charCodeAt(i) !== 46) x = x * 10 + a.charCodeAt(i++) - 48
    let y = 0
    while (j < b.length && b.charCodeAt(j) !== 46) y = y * 10 + b.charCodeAt(j++) - 48
    if (x !== y) return x - y
    i++
    j++
  }
  return (a.length - i) - (b.length - j)
}

interface Cursor { base: string, prefix: string, last: string, rows: ColumnRows, done: boolean }

/** Takes one varbind of a column's answer; returns false when the device went backwards. */
function accept (c: Cursor, vb: Varbind): boolean {
  if (snmp.isVarbindError(vb) || !vb.oid.startsWith(c.prefix)) {
    c.done = true
    return true
  }
  if (compareOids(vb.oid, c.last) <= 0) return false
  c.rows.set(vb.oid.slice(c.prefix.length), vb)
  c.last = vb.oid
  if (c.rows.size >= MAX_ROWS_PER_COLUMN) c.done = true
  return true
}

/**
 * Walks the given column OIDs (e.g. "1.3.6.1.2.1.2.2.1.2") and returns each column's rows.
 * A column the device does not have comes back empty. Throws SnmpError when the device stops
 * answering; the caller decides whether that loses the table or the device.
 */
export async function walkColumns (session: SnmpSession, columns: readonly string[], state: WalkState, phase: Phase): Promise<Map<string, ColumnRows>> {
  const cursors: Cursor[] = columns.map((base) => ({ base, prefix: base + '.', last: base, rows: new Map(), done: false }))
  let cap = state.maxRepetitions
  for (;;) {
    const active = cursors.filter((c) => !c.done)
    if (active.length === 0) break
    if (state.mode === 'bulk') {
      const reps = Math.max(1, Math.min(cap, Math.floor(MAX_VARBINDS_PER_REQUEST / active.length)))
      let answer: Varbind[][]
      try {
        answer = await session.getBulk(active.map((c) => c.last), reps, phase)
      } catch (err) {
        if (err instanceof SnmpAgentError && err.status === TOO_BIG && reps > 1) {
          cap = Math.max(1, Math.floor(reps / 2))
          continue
        }
        if (err instanceof SnmpAgentError || err instanceof SnmpTimeoutError) {
          state.mode = 'next'
          state.fallbackReason = err instanceof SnmpTimeoutError ? `GETBULK got no answer during ${phase.name}` : `GETBULK was answered with ${String(snmp.ErrorStatus[err.status] ?? 'an error')} (error-status ${err.status}) during ${phase.name}`
          continue
        }
        throw err
      }
      let taken = 0
      let backwards = false
      for (let i = 0; i < active.length && !backwards; i++) {
        for (const vb of answer[i] ?? []) {
          if (active[i].done) break
          if (!accept(active[i], vb)) { backwards = true; break }
          taken++
        }
      }
      if (backwards || taken === 0) {
        state.mode = 'next'
        state.fallbackReason = `${backwards ? 'GETBULK returned OIDs out of order' : 'GETBULK returned nothing'} during ${phase.name}`
      }
      continue
    }
    const answer = await session.getNext(active.map((c) => c.last), phase)
    for (let i = 0; i < active.length; i++) {
      const vb = answer[i]
      if (vb === undefined) { active[i].done = true; continue }
      if (!accept(active[i], vb)) {
        active[i].done = true
        state.truncated.push(`${phase.name} ${active[i].base} after ${active[i].last}`)
      }
    }
  }
  return new Map(cursors.map((c) => [c.base, c.rows]))
}
