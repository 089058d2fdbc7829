// One authenticated SSH connection to one device: connect (optionally through a jump host),
// verify the host key against known_hosts by policy, authenticate with one credential, then run
// commands over exec channels or open interactive shells. Every step is bounded by a timeout,
// the caller's deadline and AbortSignal, so a device that hangs or drops ends as an error.
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import ssh2 from 'ssh2'
import type { AuthenticationType, ClientChannel, ConnectConfig } from 'ssh2'
import { silentLogger, type Logger } from '../../config/logger.ts'
import type { HostKeyPolicy, SshCredential } from '../model.ts'
import {
  SshAbortedError, SshArgumentError, SshAuthError, SshCommandError, SshConnectError, SshDeadlineError,
  SshDisconnectedError, SshError, SshHostKeyError, SshKeyError
} from './errors.ts'
import {
  appendKnownHost, checkHostKey, entriesFor, fingerprint, keyTypeOf, knownHostName, preferredHostKeyAlgorithms,
  readKnownHosts, type HostKeyStatus
} from './known-hosts.ts'
import { ShellChannel } from './shell-channel.ts'
import { budget, ChannelWait } from './wait.ts'

const { Client, utils } = ssh2

/** Connect timeout (TCP, handshake and authentication) in ms. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000
/** Per-command timeout in ms. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000
/** Longest silence from the device during a command, in ms. */
export const DEFAULT_IDLE_TIMEOUT_MS = 15_000
/** Keepalive interval in ms: a peer that stops answering is noticed even between commands. */
const KEEPALIVE_INTERVAL_MS = 5_000
/** Terminal width asked for, so long lines are not wrapped by the device. */
const PTY_COLUMNS = 511

export interface SshConnectOptions {
  host: string
  /** TCP port, default 22. */
  port?: number
  credential: SshCredential
  /** Default "strict". "off" must be asked for explicitly. */
  hostKeyPolicy?: HostKeyPolicy
  /** OpenSSH known_hosts file; default ~/.ssh/known_hosts. */
  knownHostsFile?: string
  /** Connect timeout in ms (TCP + handshake + auth), default 10000. */
  timeout?: number
  /** Per-command timeout in ms, default 30000. */
  commandTimeout?: number
  /** Idle timeout in ms, default 15000. */
  idleTimeout?: number
  jumpHost?: { host: string, port?: number, credential: SshCredential, hostKeyPolicy?: HostKeyPolicy }
  /** Absolute end of the whole target, ms since epoch. */
  deadline?: number
  signal?: AbortSignal
  logger?: Logger
}

interface Resolved {
  host: string
  port: number
  peer: string
  credential: SshCredential
  hostKeyPolicy: HostKeyPolicy
  knownHostsFile: string
  timeout: number
  commandTimeout: number
  idleTimeout: number
  deadline?: number
  signal?: AbortSignal
  logger: Logger
}

function positive (name: string, v: number | undefined, dflt: number): number {
  if (v === undefined) return dflt
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new SshArgumentError(`${name} must be a positive number of ms, got ${String(v)}`)
  return v
}

function resolve (o: SshConnectOptions): Resolved {
  if (typeof o.host !== 'string' || o.host === '') throw new SshArgumentError('host must be a non-empty string')
  const port = o.port ?? 22
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SshArgumentError(`port must be 1-65535, got ${String(o.port)}`)
  if (o.credential === undefined || typeof o.credential.username !== 'string' || o.credential.username === '') {
    throw new SshArgumentError('credential.username must be a non-empty string')
  }
  if (o.credential.password === undefined && o.credential.privateKey === undefined) {
    throw new SshArgumentError(`credential for user ${o.credential.username} has neither password nor privateKey`)
  }
  const policy = o.hostKeyPolicy ?? 'strict'
  if (!['strict', 'accept-new', 'off'].includes(policy)) throw new SshArgumentError(`hostKeyPolicy must be strict, accept-new or off, got ${String(policy)}`)
  const peer = o.host.includes(':') ? `[${o.host}]:${port}` : `${o.host}:${port}`
  return {
    host: o.host,
    port,
    peer,
    credential: o.credential,
    hostKeyPolicy: policy,
    knownHostsFile: o.knownHostsFile ?? join(homedir(), '.ssh', 'known_hosts'),
    timeout: positive('timeout', o.timeout, DEFAULT_CONNECT_TIMEOUT_MS),
    commandTimeout: positive('commandTimeout', o.commandTimeout, DEFAULT_COMMAND_TIMEOUT_MS),
    idleTimeout: positive('idleTimeout', o.idleTimeout, DEFAULT_IDLE_TIMEOUT_MS),
    deadline: o.deadline,
    signal: o.signal,
    logger: (o.logger ?? silentLogger).child({ component: 'ssh', peer })
  }
}

export interface ExecResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface ExecOptions {
  /** Overrides the per-command timeout, in ms. */
  timeout?: number
  signal?: AbortSignal
  /** Resolve with non-zero exit codes instead of throwing SshCommandError. */
  allowFailure?: boolean
}

/** An authenticated connection. Open with connectSsh(); close() when done. */
export class SshSession {
  readonly host: string
  readonly port: number
  /** host:port, as messages name it. */
  readonly peer: string
  /** The pre-authentication banner (SSH_MSG_USERAUTH_BANNER), if the server sent one. */
  readonly banner: string
  /** The server's software version from its identification string, e.g. "OpenSSH_9.2p1" or "Cisco-1.25". */
  readonly serverSoftware: string
  readonly #client: InstanceType<typeof Client>
  readonly #opts: Resolved
  readonly #jump?: SshSession
  readonly #shells = new Set<ShellChannel>()
  #closed = false
  #closeError: unknown

  /** @internal use connectSsh() */
  constructor (client: InstanceType<typeof Client>, opts: Resolved, banner: string, serverSoftware: string, jump?: SshSession) {
    this.#client = client
    this.#opts = opts
    this.host = opts.host
    this.port = opts.port
    this.peer = opts.peer
    this.banner = banner
    this.serverSoftware = serverSoftware
    this.#jump = jump
    client.on('error', (err: Error) => { this.#closeError = err })
    client.on('close', () => {
      this.#closed = true
      void this.#jump?.close()
    })
  }

  get closed (): boolean { return this.#closed }

  /** Runs one command on an exec channel (no shell, no prompt): what Linux hosts want. */
  async exec (command: string, options: ExecOptions = {}): Promise<ExecResult> {
    const out: Buffer[] = []
    const err: Buffer[] = []
    let exitCode: number | undefined
    let exitSignal: string | undefined
    let ended: 'done' | 'cut' | undefined
    let w: ChannelWait<'done' | 'cut'> | undefined
    // Listeners go on in ssh2's callback itself: a quick command's exit status can arrive in the
    // same read as the channel confirmation, before an awaiting caller would get to attach them.
    const channel = await this.#open('exec', command, (cb) => this.#client.exec(command, cb), (ch) => {
      ch.on('data', (b: Buffer) => { out.push(b); w?.poke() })
      ch.stderr.on('data', (b: Buffer) => { err.push(b); w?.poke() })
      // A channel error precedes its close; the close settles the wait.
      ch.on('error', (e: Error) => { this.#closeError ??= e })
      ch.on('exit', (code: number | null, signal?: string) => {
        exitCode = code ?? undefined
        exitSignal = signal ?? undefined
      })
      ch.on('close', () => {
        // ssh2 reports the connection's close before its channels', so a channel that ends with
        // the connection gone and no exit status was cut off, not finished.
        ended = this.#closed && exitCode === undefined && exitSignal === undefined ? 'cut' : 'done'
        w?.poke()
      })
    })
    w = new ChannelWait<'done' | 'cut'>({
      peer: this.peer,
      phase: 'command',
      command,
      what: `command ${JSON.stringify(command)}`,
      timeout: options.timeout ?? this.#opts.commandTimeout,
      idleTimeout: this.#opts.idleTimeout,
      deadline: this.#opts.deadline,
      signal: options.signal ?? this.#opts.signal
    }, () => ended)
    let how: 'done' | 'cut'
    try {
      how = await w.promise
    } catch (e) {
      try { channel.close() } catch { /* gone */ }
      throw e
    }
    if (how === 'cut') {
      throw new SshDisconnectedError(`${this.peer} closed the connection after ${w.elapsedMs} ms while running ${JSON.stringify(command)}`, {
        peer: this.peer, phase: 'command', command, elapsedMs: w.elapsedMs, cause: this.#closeError
      })
    }
    const stdout = Buffer.concat(out).toString('utf8')
    const stderr = Buffer.concat(err).toString('utf8')
    const code = exitCode ?? (exitSignal !== undefined ? 128 : 0)
    if (code !== 0 && options.allowFailure !== true) {
      const first = stderr.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? stdout.split('\n')[0]?.trim() ?? ''
      throw new SshCommandError(`command ${JSON.stringify(command)} on ${this.peer} exited with ${exitSignal !== undefined ? `signal ${exitSignal}` : `status ${code}`}${first === '' ? '' : `: ${first.slice(0, 200)}`}`, {
        peer: this.peer, phase: 'command', command, exitCode: code
      })
    }
    return { stdout, stderr, exitCode: code }
  }

  /** Opens an interactive shell (with a pty) and waits for its first prompt. */
  async openShell (options: { promptPattern?: RegExp } = {}): Promise<ShellChannel> {
    let shell!: ShellChannel
    // Built inside ssh2's callback so no event of the new channel can slip past its listeners.
    await this.#open('shell', undefined, (cb) => this.#client.shell({ term: 'vt100', cols: PTY_COLUMNS, rows: 24, width: 0, height: 0 }, cb), (channel) => {
      shell = new ShellChannel(channel, {
        peer: this.peer,
        commandTimeout: this.#opts.commandTimeout,
        idleTimeout: this.#opts.idleTimeout,
        deadline: this.#opts.deadline,
        signal: this.#opts.signal,
        promptPattern: options.promptPattern,
        logger: this.#opts.logger
      })
      this.#shells.add(shell)
      channel.on('close', () => this.#shells.delete(shell))
    })
    try {
      await shell.ready()
    } catch (err) {
      shell.close()
      throw err
    }
    return shell
  }

  /** Opens a TCP channel to host:port through this connection (ssh -J). */
  async forwardOut (host: string, port: number): Promise<Duplex> {
    return await this.#open('jump', `${host}:${port}`, (cb) => this.#client.forwardOut('127.0.0.1', 0, host, port, cb))
  }

  /** Ends the connection (and the jump host's); safe to call twice. */
  async close (): Promise<void> {
    for (const s of this.#shells) s.close()
    if (!this.#closed) {
      const closed = new Promise<void>((resolve) => this.#client.once('close', () => resolve()))
      this.#client.end()
      // A peer that never acknowledges the disconnect must not keep us here.
      const t = setTimeout(() => this.#client.destroy(), 1000)
      t.unref()
      await closed
      clearTimeout(t)
    }
    await this.#jump?.close()
  }

  /** Drops the connection at once. */
  destroy (): void {
    this.#client.destroy()
    this.#jump?.destroy()
  }

  async #open (kind: 'exec' | 'shell' | 'jump', what: string | undefined, start: (cb: (err: Error | undefined, ch: ClientChannel) => void) => void, attach?: (ch: ClientChannel) => void): Promise<ClientChannel> {
    const label = kind === 'exec' ? `command ${JSON.stringify(what)}` : kind === 'shell' ? 'a shell' : `a channel to ${what ?? ''}`
    if (this.#closed) {
      throw new SshDisconnectedError(`connection to ${this.peer} is closed; cannot open ${label}`, { peer: this.peer, phase: kind === 'shell' ? 'shell' : kind === 'jump' ? 'jump' : 'command', command: kind === 'exec' ? what : undefined, cause: this.#closeError })
    }
    const started = Date.now()
    const w = new ChannelWait<never>({
      peer: this.peer,
      phase: kind === 'shell' ? 'shell' : kind === 'jump' ? 'jump' : 'command',
      command: kind === 'exec' ? what : undefined,
      what: `the server to open ${label}`,
      timeout: this.#opts.commandTimeout,
      idleTimeout: 0,
      deadline: this.#opts.deadline,
      signal: this.#opts.signal
    }, () => undefined)
    const onClose = (): void => w.closed(this.#closeError)
    this.#client.once('close', onClose)
    let over = false
    try {
      return await Promise.race([w.promise, new Promise<ClientChannel>((resolve, reject) => {
        start((err, ch) => {
          if (over) {
            // The wait gave up (timeout, abort) before the server answered: do not leak the channel.
            if (err === undefined || err === null) try { ch.close() } catch { /* gone */ }
            return
          }
          if (err !== undefined && err !== null) {
            const msg = `${this.peer} refused to open ${label} after ${Date.now() - started} ms: ${err.message}`
            reject(this.#closed
              ? new SshDisconnectedError(msg, { peer: this.peer, phase: 'command', cause: err })
              : kind === 'jump'
                ? new SshConnectError(msg, { peer: this.peer, phase: 'jump', cause: err })
                : new SshCommandError(msg, { peer: this.peer, phase: kind === 'shell' ? 'shell' : 'command', command: kind === 'exec' ? what : undefined, cause: err }))
          } else {
            attach?.(ch)
            resolve(ch)
          }
        })
      })])
    } finally {
      over = true
      this.#client.removeListener('close', onClose)
      w.cancel()
    }
  }
}

/** Connects and authenticates with one credential. */
export async function connectSsh (options: SshConnectOptions): Promise<SshSession> {
  const opts = resolve(options)
  let jump: SshSession | undefined
  let sock: Duplex | undefined
  if (options.jumpHost !== undefined) {
    const j = options.jumpHost
    jump = await connectSsh({
      host: j.host,
      port: j.port,
      credential: j.credential,
      hostKeyPolicy: j.hostKeyPolicy ?? opts.hostKeyPolicy,
      knownHostsFile: opts.knownHostsFile,
      timeout: opts.timeout,
      commandTimeout: opts.commandTimeout,
      idleTimeout: opts.idleTimeout,
      deadline: opts.deadline,
      signal: opts.signal,
      logger: options.logger
    })
    try {
      sock = await jump.forwardOut(opts.host, opts.port)
    } catch (err) {
      await jump.close()
      throw new SshConnectError(`jump host ${jump.peer} could not reach ${opts.peer}: ${(err as Error).message}`, { peer: opts.peer, phase: 'jump', cause: err })
    }
  }
  try {
    return await handshake(opts, sock, jump)
  } catch (err) {
    await jump?.close()
    throw err
  }
}

function authMethods (c: SshCredential): AuthenticationType[] {
  const m: AuthenticationType[] = []
  if (c.privateKey !== undefined) m.push('publickey')
  if (c.password !== undefined) m.push('password', 'keyboard-interactive')
  return m
}

async function handshake (opts: Resolved, sock: Duplex | undefined, jump: SshSession | undefined): Promise<SshSession> {
  const { peer, credential, logger } = opts
  const started = Date.now()
  let key: ssh2.ParsedKey | undefined
  if (credential.privateKey !== undefined) {
    // Parsed once here: an encrypted key's KDF (bcrypt, 16 rounds by default) costs real time.
    const parsed = utils.parseKey(credential.privateKey, credential.passphrase)
    if (parsed instanceof Error) {
      // ssh2 says what is wrong with the key (format, missing or wrong passphrase), never its content.
      throw new SshKeyError(`cannot use the private key of user ${credential.username} for ${peer}: ${parsed.message}`, { peer, phase: 'auth' })
    }
    key = Array.isArray(parsed) ? parsed[0] : parsed
  }
  const name = knownHostName(opts.host, opts.port)
  const known = opts.hostKeyPolicy === 'off' ? [] : await readKnownHosts(opts.knownHostsFile)
  const mine = entriesFor(known, name)
  const serverHostKey = preferredHostKeyAlgorithms(mine)
  let hostKeyProblem: { status: HostKeyStatus | 'unrecorded', fp: string, type?: string, cause?: unknown } | undefined
  let phase: 'connect' | 'auth' = 'connect'
  let banner = ''
  const tried: string[] = []
  const methods = authMethods(credential)

  const client = new Client()
  return await new Promise<SshSession>((resolve, reject) => {
    let settled = false
    const finish = (err?: SshError): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      if (err === undefined) {
        resolve(new SshSession(client, opts, banner, (client as unknown as { _remoteVer?: string })._remoteVer ?? '', jump))
      } else {
        client.destroy()
        reject(err)
      }
    }
    const { ms, byDeadline } = budget(opts.timeout, opts.deadline)
    const timeoutErr = (): SshError => {
      const details = { peer, phase, elapsedMs: Date.now() - started }
      return byDeadline
        ? new SshDeadlineError(`target deadline reached while connecting to ${peer} (${phase} phase, ${details.elapsedMs} ms)`, details)
        : new SshConnectError(`connecting to ${peer} timed out after ${ms} ms (${phase} phase)`, details)
    }
    const timer = setTimeout(() => finish(timeoutErr()), ms)
    const onAbort = (): void => finish(new SshAbortedError(`aborted while connecting to ${peer} (${phase} phase, ${Date.now() - started} ms)`, { peer, phase, elapsedMs: Date.now() - started, cause: opts.signal?.reason }))
    if (opts.signal?.aborted === true) { onAbort(); return }
    opts.signal?.addEventListener('abort', onAbort, { once: true })

    // A CLI session is many small writes (a command, a space for each page): without
    // TCP_NODELAY each waits on Nagle and delayed ACKs, some 40 ms per page. OpenSSH sets it too.
    client.on('connect', () => { client.setNoDelay(true) })
    client.on('banner', (msg: string) => { banner += msg })
    client.on('handshake', () => { phase = 'auth' })
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, answer) => {
      // Answer password-like prompts with the password; anything else gets an empty line, as a
      // person with only a password would do.
      answer(prompts.map((p) => /pass(word|code|phrase)?|secret|pin/i.test(p.prompt) ? credential.password ?? '' : ''))
    })
    client.on('ready', () => {
      logger.debug({ user: credential.username, method: tried.at(-1), ms: Date.now() - started }, 'ssh authenticated')
      finish()
    })
    client.on('error', (err: Error & { level?: string }) => {
      const elapsedMs = Date.now() - started
      if (hostKeyProblem !== undefined) {
        const { status, fp, type } = hostKeyProblem
        const why = status === 'unknown'
          ? `is not in ${opts.knownHostsFile} (policy strict)`
          : status === 'changed'
            ? `does not match the ${type ?? ''} key recorded in ${opts.knownHostsFile} (host key changed)`
            : status === 'revoked'
              ? `is marked @revoked in ${opts.knownHostsFile}`
              : `could not be recorded in ${opts.knownHostsFile}`
        finish(new SshHostKeyError(`host key ${fp} of ${peer} ${why}`, { peer, phase: 'host-key', elapsedMs, cause: hostKeyProblem.cause ?? err }))
        return
      }
      if (err.level === 'client-authentication' || (phase === 'auth' && /authentication/i.test(err.message))) {
        finish(new SshAuthError(`authentication as ${credential.username} to ${peer} failed after ${elapsedMs} ms (tried: ${tried.join(', ') || 'none'})`, { peer, phase: 'auth', elapsedMs, cause: err }))
        return
      }
      finish(new SshConnectError(`cannot connect to ${peer} (${phase} phase, ${elapsedMs} ms): ${err.message}`, { peer, phase, elapsedMs, cause: err }))
    })
    client.on('close', () => {
      const elapsedMs = Date.now() - started
      finish(new SshDisconnectedError(`${peer} closed the connection during the ${phase} phase after ${elapsedMs} ms`, { peer, phase, elapsedMs }))
    })

    const config: ConnectConfig = {
      host: opts.host,
      port: opts.port,
      username: credential.username,
      // Our own timer covers the whole connect; ssh2's must not fire first with a vaguer message.
      readyTimeout: ms + 60_000,
      keepaliveInterval: KEEPALIVE_INTERVAL_MS,
      keepaliveCountMax: 3,
      algorithms: serverHostKey === undefined ? undefined : { serverHostKey: serverHostKey as ssh2.ServerHostKeyAlgorithm[] },
      authHandler: (methodsLeft, _partial, next) => {
        const allowed = methodsLeft ?? undefined
        const m = methods.find((x) => !tried.includes(x) && (allowed === undefined || allowed.includes(x)))
        if (m === undefined) return next(false as unknown as ssh2.AnyAuthMethod)
        tried.push(m)
        if (m === 'publickey') return next({ type: 'publickey', username: credential.username, key: key! })
        if (m === 'password') return next({ type: 'password', username: credential.username, password: credential.password! })
        return next({
          type: 'keyboard-interactive',
          username: credential.username,
          prompt: (_n, _i, _l, prompts, finishPrompts) => {
            finishPrompts(prompts.map((p) => /pass(word|code|phrase)?|secret|pin/i.test(p.prompt) ? credential.password ?? '' : ''))
          }
        })
      },
      hostVerifier: ((key: Buffer, verify: (ok: boolean) => void) => {
        const fp = fingerprint(key)
        if (opts.hostKeyPolicy === 'off') {
          logger.debug({ fingerprint: fp }, 'ssh host key not verified (hostKeyPolicy off)')
          verify(true)
          return
        }
        const status = checkHostKey(known, name, key)
        if (status === 'match') { verify(true); return }
        if (status === 'unknown' && opts.hostKeyPolicy === 'accept-new') {
          appendKnownHost(opts.knownHostsFile, name, key).then(() => {
            logger.info({ fingerprint: fp, file: opts.knownHostsFile }, 'ssh host key recorded (accept-new)')
            verify(true)
          }, (cause: unknown) => {
            hostKeyProblem = { status: 'unrecorded', fp, cause }
            verify(false)
          })
          return
        }
        hostKeyProblem = { status, fp, type: keyTypeOf(key) }
        verify(false)
      }) as unknown as ConnectConfig['hostVerifier']
    }
    if (sock !== undefined) config.sock = sock as ConnectConfig['sock']
    try {
      client.connect(config)
    } catch (err) {
      finish(new SshConnectError(`cannot connect to ${peer}: ${(err as Error).message}`, { peer, phase, elapsedMs: Date.now() - started, cause: err }))
    }
  })
}
