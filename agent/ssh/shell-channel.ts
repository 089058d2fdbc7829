// An interactive CLI over an SSH shell channel: learn the prompt past banners and MOTDs, run one
// command at a time and return what it printed (echo and prompt removed, paging answered, ANSI
// and CR rendered away), and enter privileged mode. Network CLIs have no exit status, so a
// command is over when the device shows its prompt again.
import type { ClientChannel } from 'ssh2'
import type { Logger } from '../../config/logger.ts'
import { SshCommandError, SshDisconnectedError, SshEnableError, SshError, SshPromptError } from './errors.ts'
import { GENERIC_PROMPT, PAGING_PROMPT, PASSWORD_PROMPT, TerminalBuffer, USERNAME_PROMPT, promptBase, rejectionOf } from './terminal-text.ts'
import { ChannelWait, type WaitLimits } from './wait.ts'

export interface ShellChannelOptions {
  /** host:port, for messages. */
  peer: string
  /** Per-command limit in ms (also bounds waiting for the first prompt and for enable). */
  commandTimeout: number
  /** Longest silence in ms before a wait fails. */
  idleTimeout: number
  /** Absolute end of the whole target (ms since epoch). */
  deadline?: number
  signal?: AbortSignal
  /** Prompt to wait for; GENERIC_PROMPT until a driver is known. */
  promptPattern?: RegExp
  logger: Logger
}

export interface RunOptions {
  /** Overrides the per-command timeout, in ms. */
  timeout?: number
  signal?: AbortSignal
}

// A prompt-looking line must stay the last thing on screen this long before it counts as the
// first prompt: banners arrive in chunks, and a chunk may end on a line that only looks like one.
const FIRST_PROMPT_SETTLE_MS = 150
const PROMPT_STATE_LINE = /^\{(?:master|backup|primary|secondary|linecard|hold)(?::[\w-]+)?\}$/
/** How long a prompt not preceded by the command's echo must stay before the command counts as done. */
const UNECHOED_SETTLE_MS = 300

export class ShellChannel {
  readonly #channel: ClientChannel
  readonly #opts: ShellChannelOptions
  readonly #log: Logger
  readonly #term = new TerminalBuffer()
  #wait: ChannelWait<unknown> | undefined
  #closedBy: unknown
  #closed = false
  #unusable: SshError | undefined
  #queue: Promise<unknown> = Promise.resolve()
  #base = ''
  #lastDataAt = Date.now()
  /** The prompt as last seen, e.g. "core1#". */
  prompt = ''
  /** Text shown before the first prompt (MOTD, last-login line...). */
  greeting = ''
  promptPattern: RegExp

  constructor (channel: ClientChannel, opts: ShellChannelOptions) {
    this.#channel = channel
    this.#opts = opts
    this.#log = opts.logger
    this.promptPattern = opts.promptPattern ?? GENERIC_PROMPT
    const onData = (chunk: Buffer): void => {
      this.#lastDataAt = Date.now()
      this.#term.write(chunk)
      if (PAGING_PROMPT.test(this.#term.current())) {
        this.#term.clearCurrent()
        if (!this.#closed) channel.write(' ')
      }
      this.#wait?.poke()
    }
    channel.on('data', onData)
    channel.stderr.on('data', onData)
    channel.on('close', () => {
      this.#closed = true
      this.#wait?.closed(this.#closedBy)
    })
    channel.on('error', (err: Error) => { this.#closedBy = err })
  }

  /** False after a timeout or failure left the CLI in an unknown state; open a new shell then. */
  get usable (): boolean { return !this.#closed && this.#unusable === undefined }

  /** Waits for the first prompt past any banner, MOTD or "press RETURN" screen. */
  async ready (): Promise<void> {
    const nudgeMs = Math.min(1000, Math.max(50, Math.floor(this.#opts.idleTimeout / 3)))
    const w = this.#begin('the first prompt', 'prompt', undefined, undefined, () => {
      const cur = this.#term.current()
      return this.promptPattern.test(cur) ? cur : undefined
    }, FIRST_PROMPT_SETTLE_MS)
    // Some devices stop at "Press any key to continue" or draw nothing until a key is pressed;
    // after a silence with no prompt in sight, one newline is what a person would send. A stray
    // prompt it may cause later is harmless: commands wait for their own echo (see #send).
    const nudge = (): void => {
      const quiet = Date.now() - this.#lastDataAt
      if (quiet < nudgeMs) { w.after(nudgeMs - quiet, nudge); return }
      if (!this.promptPattern.test(this.#term.current())) this.#write('\n')
    }
    w.after(nudgeMs, nudge)
    let cur: string
    try {
      cur = await w.promise as string
    } catch (err) {
      if (err instanceof SshError && (err.code === 'ERR_SSH_COMMAND_TIMEOUT' || err.code === 'ERR_SSH_IDLE_TIMEOUT')) {
        const last = this.#term.current().trim() || this.#term.lines().at(-1) || ''
        throw new SshPromptError(`no CLI prompt recognised from ${this.#opts.peer} within ${w.elapsedMs} ms; last line seen: ${JSON.stringify(last.slice(0, 80))}`, {
          peer: this.#opts.peer, phase: 'prompt', elapsedMs: w.elapsedMs, cause: err
        })
      }
      throw err
    }
    this.greeting = this.#term.lines().join('\n').trim()
    this.#setPrompt(cur)
    this.#term.clear()
  }

  /** Switches to a driver's prompt pattern once the platform is known. */
  usePromptPattern (pattern: RegExp): void {
    this.promptPattern = pattern
  }

  /** Runs one command and returns its output; throws SshCommandError when the CLI rejects it. */
  async run (command: string, options: RunOptions = {}): Promise<string> {
    return await this.#serial(async () => {
      const lines = trimBlankLines(await this.#send(command, options))
      // Junos prints its routing-engine or cluster state on the line above the prompt
      // ({master:0}, {primary:node0}); it belongs to the prompt, not to the output.
      if (lines.length > 0 && PROMPT_STATE_LINE.test(lines[lines.length - 1].trim())) lines.pop()
      const output = trimBlankLines(lines).join('\n')
      const rejected = rejectionOf(output)
      if (rejected !== undefined) {
        throw new SshCommandError(`${this.#opts.peer} rejected command ${JSON.stringify(command)}: ${rejected}`, {
          peer: this.#opts.peer, phase: 'command', command
        })
      }
      return output
    })
  }

  /**
   * Enters privileged mode: "enable", answer "Username:" (ProCurve/ArubaOS-Switch ask for the
   * manager's) with `username`, "Password:" with the secret, and insist on a "#" prompt. The
   * secret is written to the channel only; it never reaches a message or a log.
   */
  async enable (secret: string | undefined, username?: string): Promise<void> {
    await this.#serial(async () => {
      if (this.prompt.trimEnd().endsWith('#')) return
      const peer = this.#opts.peer
      const started = Date.now()
      const fail = (why: string, cause?: unknown): SshEnableError => {
        // A CLI left at a password prompt or in an unknown mode is not worth saving.
        const err = new SshEnableError(`enable on ${peer} failed after ${Date.now() - started} ms: ${why}`, { peer, phase: 'enable', elapsedMs: Date.now() - started, cause })
        this.#unusable = err
        return err
      }
      type State = 'prompt' | 'password' | 'username'
      const step = async (text: string, what: string): Promise<State> => {
        this.#term.clear()
        const w = this.#begin(what, 'enable', undefined, undefined, () => {
          if (this.#term.lines().length === 0) return undefined
          const cur = this.#term.current()
          if (PASSWORD_PROMPT.test(cur)) return 'password' as const
          if (USERNAME_PROMPT.test(cur)) return 'username' as const
          if (this.#isPrompt(cur)) return 'prompt' as const
          return undefined
        })
        this.#write(text)
        try {
          return await w.promise as State
        } catch (err) {
          throw fail(`no answer to ${what} (${(err as Error).message})`, err)
        }
      }
      let state = await step('enable\n', 'the answer to "enable"')
      if (state === 'username') {
        if (username === undefined || username === '') throw fail('the device asks for a user name and none was given')
        state = await step(`${username}\n`, 'the answer to the enable user name')
      }
      if (state === 'username') throw fail('the device asked for the user name again')
      if (state === 'password') {
        if (secret === undefined || secret === '') throw fail('the device asks for an enable secret and the credential has none')
        state = await step(`${secret}\n`, 'the answer to the enable secret')
        if (state !== 'prompt') throw fail('the enable secret was rejected (asked for again)')
      }
      const cur = this.#term.current()
      if (!cur.trimEnd().endsWith('#')) {
        const said = rejectionOf(this.#term.lines().join('\n')) ?? this.#term.lines().filter((l) => l.trim() !== '').at(-1)
        throw fail(`still at prompt ${JSON.stringify(cur.trim())}${said === undefined ? '' : `: ${said}`}`)
      }
      this.#setPrompt(cur)
    })
  }

  /** Closes the channel; safe to call twice. */
  close (): void {
    if (this.#closed) return
    this.#closed = true
    try { this.#channel.close() } catch { /* already gone */ }
  }

  async #send (command: string, options: RunOptions): Promise<string[]> {
    if (this.#unusable !== undefined) {
      throw new SshCommandError(`shell on ${this.#opts.peer} is not usable after an earlier failure (${this.#unusable.code}); not sending ${JSON.stringify(command)}`, {
        peer: this.#opts.peer, phase: 'command', command, cause: this.#unusable
      })
    }
    this.#term.clear()
    const echo = command.trim()
    // The prompt after the echo of this command ends it. A prompt with no echo before it may be
    // left over (an extra newline, a late redraw) or the CLI may not echo: it counts only if
    // nothing more arrives for UNECHOED_SETTLE_MS.
    let unechoedSince: number | undefined
    let settleTimer: NodeJS.Timeout | undefined
    let echoAt = -1
    let scanned = 0
    const w = this.#begin(`command ${JSON.stringify(command)}`, 'command', command, options, () => {
      const lines = this.#term.lines()
      for (; echoAt === -1 && scanned < lines.length; scanned++) if (lines[scanned].trimEnd().endsWith(echo)) echoAt = scanned
      if (lines.length === 0 || !this.#isPrompt(this.#term.current())) { unechoedSince = undefined; return undefined }
      if (echoAt !== -1) return true
      if (unechoedSince === undefined || this.#lastDataAt > unechoedSince) {
        unechoedSince = Date.now()
        clearTimeout(settleTimer)
        settleTimer = setTimeout(() => w.poke(), UNECHOED_SETTLE_MS)
        return undefined
      }
      return Date.now() - unechoedSince >= UNECHOED_SETTLE_MS ? true : undefined
    })
    w.promise.finally(() => clearTimeout(settleTimer)).catch(() => undefined)
    this.#write(`${command}\n`)
    try {
      await w.promise
    } catch (err) {
      this.#unusable = err as SshError
      throw err
    }
    this.prompt = this.#term.current().trim()
    // Everything up to the echo (stray prompts, the echo itself) is not output.
    const lines = this.#term.lines().slice(echoAt + 1)
    this.#term.clear()
    this.#log.debug({ command, lines: lines.length, ms: w.elapsedMs }, 'ssh command done')
    return lines
  }

  #begin<T> (what: string, phase: 'prompt' | 'enable' | 'command', command: string | undefined, options: RunOptions | undefined, check: () => T | undefined, settleMs = 0): ChannelWait<T> {
    if (this.#closed) {
      throw new SshDisconnectedError(`shell on ${this.#opts.peer} is closed; cannot wait for ${what}`, { peer: this.#opts.peer, phase, command, cause: this.#closedBy })
    }
    const limits: WaitLimits = {
      timeout: options?.timeout ?? this.#opts.commandTimeout,
      idleTimeout: this.#opts.idleTimeout,
      deadline: this.#opts.deadline,
      signal: options?.signal ?? this.#opts.signal
    }
    const w = new ChannelWait<T>({ ...limits, peer: this.#opts.peer, phase, command, what }, check, settleMs)
    this.#wait = w as ChannelWait<unknown>
    return w
  }

  #isPrompt (line: string): boolean {
    if (!this.promptPattern.test(line)) return false
    return this.#base === '' || line.trim().startsWith(this.#base)
  }

  #setPrompt (line: string): void {
    this.prompt = line.trim()
    this.#base = promptBase(line)
  }

  #write (text: string): void {
    if (!this.#closed) this.#channel.write(text)
  }

  async #serial<T> (fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn)
    this.#queue = run.catch(() => undefined)
    return await run
  }
}

function trimBlankLines (lines: string[]): string[] {
  let start = 0
  let end = lines.length
  while (start < end && lines[start].trim() === '') start++
  while (end > start && lines[end - 1].trim() === '') end--
  return lines.slice(start, end)
}
