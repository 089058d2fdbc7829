// Runs the real `tributary` executable as a child process, as a person or a service manager would.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const BIN = fileURLToPath(new URL('../../bin/tributary.js', import.meta.url))

export interface CliProcess {
  readonly child: ChildProcess
  /** Everything written to stdout and stderr so far. */
  output (): string
  /** Resolves with the first match of `pattern` in the output; rejects after `timeout` ms or on exit. */
  waitFor (pattern: RegExp, timeout?: number): Promise<RegExpMatchArray>
  /** SIGTERM, then SIGKILL after `grace` ms; resolves with the exit code. */
  stop (grace?: number): Promise<number | null>
}

export function startCli (args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, TRIBUTARY_LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const listeners = new Set<() => void>()
  const onData = (d: Buffer) => { out += d.toString(); for (const l of listeners) l() }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { for (const l of listeners) l(); resolve(code) }))
  return {
    child,
    output: () => out,
    waitFor (pattern, timeout = 30000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern)
          if (m) { done(); resolve(m); return }
          if (child.exitCode !== null) { done(); reject(new Error(`process exited (${child.exitCode}) before ${pattern}; output:\n${out.slice(-4000)}`)) }
        }
        const timer = setTimeout(() => { done(); reject(new Error(`timed out after ${timeout} ms waiting for ${pattern}; output:\n${out.slice(-4000)}`)) }, timeout)
        const done = () => { clearTimeout(timer); listeners.delete(check) }
        listeners.add(check)
        check()
      })
    },
    async stop (grace = 10000) {
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), grace)
      const code = await exited
      clearTimeout(timer)
      return code
    }
  }
}

/** Runs the CLI to completion and returns its exit code and output. */
export function runCli (args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<{ code: number | null, stdout: string, stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => { stdout += d })
    child.stderr.on('data', (d) => { stderr += d })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input ?? '')
  })
}
