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

/** Level for the root logger: the configured one (flag, TRIBUTARY_LOG_LEVEL or file), else only
 * warnings in a terminal, where a person reads, and info for machines. */
export function logLevel (configured: string | undefined): string {
  return configured ?? (process.stdout.isTTY ? 'warn' : 'info')
}
