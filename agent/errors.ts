// Errors the agent throws. Callers match on `code`; messages start with where the problem is
// (a config key's dotted path, a policy, a target) and never carry a secret's value.

/** The configuration file is unreadable, malformed, or a key has a bad value. */
export class AgentConfigError extends Error {
  readonly code: string = 'ERR_AGENT_CONFIG'
  /** Dotted path of the bad key, e.g. "policies.core.scope[2].snmp.version"; "" for the file. */
  readonly path: string
  constructor (path: string, message: string, options?: { cause?: unknown }) {
    super(path === '' ? message : `${path}: ${message}`, options)
    this.name = 'AgentConfigError'
    this.path = path
  }
}

/** A `${ENV}` or `${file:/path}` reference could not be resolved. */
export class ConfigReferenceError extends AgentConfigError {
  override readonly code = 'ERR_AGENT_CONFIG_REFERENCE'
  constructor (path: string, message: string, options?: { cause?: unknown }) {
    super(path, message, options)
    this.name = 'ConfigReferenceError'
  }
}

/** A policy's scope expands to more addresses than allowed (a /8 typo must not flood a network). */
export class ScopeTooLargeError extends AgentConfigError {
  override readonly code = 'ERR_AGENT_SCOPE_TOO_LARGE'
  readonly count: bigint
  readonly limit: number
  constructor (path: string, message: string, count: bigint, limit: number) {
    super(path, message)
    this.name = 'ScopeTooLargeError'
    this.count = count
    this.limit = limit
  }
}

/** One target of a run failed; `reason` is safe to log (no secret). */
export class TargetError extends Error {
  readonly code: string
  readonly target: string
  constructor (code: string, target: string, message: string, options?: { cause?: unknown }) {
    super(`${target}: ${message}`, options)
    this.name = 'TargetError'
    this.code = code
    this.target = target
  }
}

/** The agent cannot do what was asked in its state: used after stop(), an unknown policy, a
 * status address already in use. */
export class AgentStateError extends Error {
  readonly code: string
  constructor (code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AgentStateError'
    this.code = code
  }
}
