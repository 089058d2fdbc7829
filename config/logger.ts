// The one place that decides how Tributary logs: pino JSON, with every secret-bearing key
// redacted. Components never create loggers; they take one and call child({ component }).
import pino, { type Logger, type DestinationStream } from 'pino'

/** Keys whose values are secrets wherever they appear (up to three levels deep). */
export const SECRET_KEYS = [
  'authorization', 'password', 'passphrase', 'community', 'client_secret', 'clientSecret',
  'secret', 'token', 'access_token', 'accessToken', 'authKey', 'privKey', 'auth_key', 'priv_key',
  'privateKey', 'private_key', 'enableSecret', 'enable_secret'
]

export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`])

export interface LoggerOptions {
  /** pino level, default "info" (TRIBUTARY_LOG_LEVEL overrides). */
  level?: string
  /** Where to write; stdout when omitted. */
  destination?: DestinationStream
  name?: string
}

export function createLogger (options: LoggerOptions = {}): Logger {
  return pino({
    name: options.name ?? 'tributary',
    level: options.level ?? process.env.TRIBUTARY_LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    base: { pid: process.pid }
  }, options.destination ?? pino.destination({ fd: 1, sync: false }))
}

/** A logger that drops everything, for library callers that pass none. */
export const silentLogger: Logger = pino({ level: 'silent' })

export type { Logger }
