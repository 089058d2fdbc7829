// Process lifecycle shared by the long-running commands.
import type { Logger } from 'pino'

/** Resolves with the signal name on the first SIGINT or SIGTERM; a second one exits at once. */
export function waitForShutdown (logger: Logger): Promise<string> {
  return new Promise((resolve) => {
    let stopping = false
    const onSignal = (signal: string) => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting without a clean shutdown')
        process.exit(130)
      }
      stopping = true
      resolve(signal)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}

/** Writes a line for a person on stderr, keeping stdout for JSON logs and machine output. */
export function say (line = ''): void {
  process.stderr.write(line + '\n')
}

/** Level for the root logger: explicit wins; in a terminal, only warnings unless asked. */
export function defaultLogLevel (explicit: string | undefined, configured: string): string {
  if (explicit) return explicit
  if (process.env.TRIBUTARY_LOG_LEVEL) return process.env.TRIBUTARY_LOG_LEVEL
  return process.stdout.isTTY ? 'warn' : configured
}
