// Errors of the SNMP collector. Callers match on `code`; messages name the peer host:port, the
// phase (which table or step) and the time spent, and never carry a community or a v3 key.

export type SnmpErrorCode =
  | 'ERR_SNMP_TIMEOUT'
  | 'ERR_SNMP_DEADLINE'
  | 'ERR_SNMP_AUTH'
  | 'ERR_SNMP_INVALID_RESPONSE'
  | 'ERR_SNMP_AGENT_ERROR'
  | 'ERR_SNMP_ABORTED'
  | 'ERR_SNMP_SOCKET'
  | 'ERR_SNMP_NO_CREDENTIALS'

export class SnmpError extends Error {
  readonly code: SnmpErrorCode
  /** host:port of the peer. */
  readonly target: string
  /** What the collector was doing: "probe", "ifTable", "lldpRemTable"... */
  readonly phase: string
  /** Milliseconds spent in this phase before it failed. */
  readonly elapsedMs: number

  constructor (code: SnmpErrorCode, message: string, details: { target: string, phase: string, elapsedMs: number }, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SnmpError'
    this.code = code
    this.target = details.target
    this.phase = details.phase
    this.elapsedMs = details.elapsedMs
  }
}

/** No answer within timeout x (retries + 1). */
export class SnmpTimeoutError extends SnmpError {
  constructor (details: { target: string, phase: string, elapsedMs: number, timeout: number, retries: number, hint?: string }, options?: { cause?: unknown }) {
    super('ERR_SNMP_TIMEOUT',
      `SNMP request to ${details.target} timed out during ${details.phase}: no answer after ${details.retries + 1} attempt(s) of ${details.timeout} ms (${details.elapsedMs} ms spent)${details.hint === undefined ? '' : `; ${details.hint}`}`,
      details, options)
    this.name = 'SnmpTimeoutError'
  }
}

/** The whole-target deadline passed. */
export class SnmpDeadlineError extends SnmpError {
  constructor (details: { target: string, phase: string, elapsedMs: number }, options?: { cause?: unknown }) {
    super('ERR_SNMP_DEADLINE',
      `SNMP collection of ${details.target} ran out of time during ${details.phase} (target deadline reached after ${details.elapsedMs} ms)`,
      details, options)
    this.name = 'SnmpDeadlineError'
  }
}

/** USM rejected the user, key or security level (SNMPv3 reports). */
export class SnmpAuthError extends SnmpError {
  constructor (reason: string, details: { target: string, phase: string, elapsedMs: number }, options?: { cause?: unknown }) {
    super('ERR_SNMP_AUTH', `SNMPv3 authentication with ${details.target} failed during ${details.phase}: ${reason} (${details.elapsedMs} ms spent)`, details, options)
    this.name = 'SnmpAuthError'
  }
}

/** The peer answered with something that is not a usable SNMP response. */
export class SnmpInvalidResponseError extends SnmpError {
  constructor (reason: string, details: { target: string, phase: string, elapsedMs: number }, options?: { cause?: unknown }) {
    super('ERR_SNMP_INVALID_RESPONSE', `SNMP peer ${details.target} sent an invalid response during ${details.phase}: ${reason} (${details.elapsedMs} ms spent)`, details, options)
    this.name = 'SnmpInvalidResponseError'
  }
}

/** The agent answered with an error-status (genErr, tooBig, noSuchName...). */
export class SnmpAgentError extends SnmpError {
  readonly status: number
  constructor (status: number, statusName: string, details: { target: string, phase: string, elapsedMs: number }, options?: { cause?: unknown }) {
    super('ERR_SNMP_AGENT_ERROR', `SNMP agent ${details.target} answered ${statusName} (error-status ${status}) during ${details.phase} (${details.elapsedMs} ms spent)`, details, options)
    this.name = 'SnmpAgentError'
    this.status = status
  }
}

export class SnmpAbortError extends SnmpError {
  constructor (details: { target: string, phase: string, elapsedMs: number }, options?: { cause?: unknown }) {
    super('ERR_SNMP_ABORTED', `SNMP collection of ${details.target} was aborted during ${details.phase} (${details.elapsedMs} ms spent)`, details, options)
    this.name = 'SnmpAbortError'
  }
}

export class SnmpSocketError extends SnmpError {
  constructor (reason: string, details: { target: string, phase: string, elapsedMs: number }, options?: { cause?: unknown }) {
    super('ERR_SNMP_SOCKET', `SNMP socket error with ${details.target} during ${details.phase}: ${reason} (${details.elapsedMs} ms spent)`, details, options)
    this.name = 'SnmpSocketError'
  }
}

/** Settings that cannot work (argument error, raised before any packet is sent). */
export class SnmpSettingsError extends Error {
  readonly code = 'ERR_SNMP_INVALID_SETTINGS'
  constructor (message: string) {
    super(message)
    this.name = 'SnmpSettingsError'
  }
}

/**
 * A copy of a library error with every secret replaced, so that a `cause` chain can be logged:
 * net-snmp puts the community into some of its messages ("Community 'x' in request does not match").
 */
export function scrubError (err: unknown, secrets: readonly string[]): Error {
  const e = err instanceof Error ? err : new Error(String(err))
  let message = e.message
  for (const s of secrets) if (s.length > 0) message = message.split(s).join('[Redacted]')
  const copy = new Error(message)
  copy.name = e.name
  const code = (e as { code?: unknown }).code
  if (code !== undefined) (copy as { code?: unknown }).code = code
  return copy
}
