// Errors of the SSH collector. Callers match on `code`; messages name the peer (host:port), the
// phase that failed and the time it used, and never carry a password, key, passphrase or enable
// secret (test/agent/ssh-session.test.ts proves it).

/** Where in a session an error happened, for messages and logs. */
export type SshPhase = 'connect' | 'auth' | 'host-key' | 'shell' | 'prompt' | 'enable' | 'command' | 'detect' | 'jump'

export interface SshErrorDetails {
  /** host:port of the peer the error concerns. */
  peer?: string
  phase?: SshPhase
  /** The command being run, if any. */
  command?: string
  /** Time spent in the failing phase, in ms. */
  elapsedMs?: number
  cause?: unknown
}

export class SshError extends Error {
  override name = 'SshError'
  readonly code: string = 'ERR_SSH'
  readonly peer?: string
  readonly phase?: SshPhase
  readonly command?: string
  readonly elapsedMs?: number

  constructor (message: string, details: SshErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.peer = details.peer
    this.phase = details.phase
    this.command = details.command
    this.elapsedMs = details.elapsedMs
  }
}

/** Bad options: wrong types, unknown platform, no credentials. Not retryable. */
export class SshArgumentError extends SshError {
  override name = 'SshArgumentError'
  override readonly code = 'ERR_SSH_INVALID_ARG'
}

/** TCP connect or SSH handshake failed or timed out. */
export class SshConnectError extends SshError {
  override name = 'SshConnectError'
  override readonly code = 'ERR_SSH_CONNECT'
}

/** The server refused every method this credential offered. The collector tries the next credential. */
export class SshAuthError extends SshError {
  override name = 'SshAuthError'
  override readonly code = 'ERR_SSH_AUTH'
}

/** The private key could not be read (bad format or wrong passphrase). Treated like an auth failure. */
export class SshKeyError extends SshError {
  override name = 'SshKeyError'
  override readonly code = 'ERR_SSH_KEY'
}

/** The server's host key is unknown (strict), changed, or revoked. */
export class SshHostKeyError extends SshError {
  override name = 'SshHostKeyError'
  override readonly code = 'ERR_SSH_HOST_KEY'
}

/** A command did not finish within the per-command timeout. */
export class SshCommandTimeoutError extends SshError {
  override name = 'SshCommandTimeoutError'
  override readonly code = 'ERR_SSH_COMMAND_TIMEOUT'
}

/** The peer sent nothing at all for the idle timeout. */
export class SshIdleTimeoutError extends SshError {
  override name = 'SshIdleTimeoutError'
  override readonly code = 'ERR_SSH_IDLE_TIMEOUT'
}

/** The whole target ran past its deadline (the caller's, smaller than the phase timeout). */
export class SshDeadlineError extends SshError {
  override name = 'SshDeadlineError'
  override readonly code = 'ERR_SSH_DEADLINE'
}

/** The connection or channel closed while work was in flight. */
export class SshDisconnectedError extends SshError {
  override name = 'SshDisconnectedError'
  override readonly code = 'ERR_SSH_DISCONNECTED'
}

/** Privileged mode could not be entered (no secret, wrong secret, no # prompt). */
export class SshEnableError extends SshError {
  override name = 'SshEnableError'
  override readonly code = 'ERR_SSH_ENABLE'
}

/** No CLI prompt was recognised after login. */
export class SshPromptError extends SshError {
  override name = 'SshPromptError'
  override readonly code = 'ERR_SSH_PROMPT'
}

/** The device rejected a command ("% Invalid input", non-zero exit status...). */
export class SshCommandError extends SshError {
  override name = 'SshCommandError'
  override readonly code = 'ERR_SSH_COMMAND'
  /** Exit status for exec channels. */
  readonly exitCode?: number

  constructor (message: string, details: SshErrorDetails & { exitCode?: number } = {}) {
    super(message, details)
    this.exitCode = details.exitCode
  }
}

/** No driver recognised the device. */
export class SshDetectError extends SshError {
  override name = 'SshDetectError'
  override readonly code = 'ERR_SSH_DETECT'
}

/** The caller's AbortSignal fired. */
export class SshAbortedError extends SshError {
  override name = 'SshAbortedError'
  override readonly code = 'ERR_SSH_ABORTED'
}

/** True for the errors after which another credential may succeed. */
export function isCredentialError (err: unknown): boolean {
  return err instanceof SshAuthError || err instanceof SshKeyError
}
