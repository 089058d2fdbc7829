// Process lifecycle shared by the long-running commands.

/** Resolves with the signal name on the first SIGINT or SIGTERM. The listeners are removed then
 * (or when `cancel` fires), so a second signal ends the process through Node's default handling
 * when a clean shutdown hangs. */
export function untilSignal (cancel?: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const off = (): void => {
      process.off('SIGINT', on)
      process.off('SIGTERM', on)
    }
    const on = (signal: string): void => {
      off()
      resolve(signal)
    }
    process.on('SIGINT', on)
    process.on('SIGTERM', on)
    cancel?.addEventListener('abort', off, { once: true })
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
