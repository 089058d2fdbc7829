// Simulated network devices on ssh2's server side, one port and one generated host key each, for
// tests and the lab: a CLI with banner, MOTD, prompt, echo, paging, enable with a secret, IOS-style
// errors for unknown commands, plus faults (a command that never returns, one that drops the
// connection) that a real device produces only on a bad day.
import { timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import ssh2 from 'ssh2'
import type { Connection, ServerChannel } from 'ssh2'

const { Server, utils } = ssh2

export interface SimulatedDevice {
  name: string
  /** Driver name it imitates (cisco_ios, arista_eos, juniper_junos, linux...): sets prompt, paging and error styles. */
  platform: string
  username: string
  password: string
  /** When set, "enable" asks for it; when unset, "enable" needs no secret. */
  enableSecret?: string
  /** Pre-authentication SSH banner. */
  banner?: string
  /** Printed when a shell starts, before the first prompt. */
  motd?: string
  /** Host name in the prompt, e.g. "core1" (shown as "core1>", "admin@core1> "...). */
  prompt: string
  /** Command (whitespace-normalised) -> output. */
  commands: Record<string, string>
  /** Insert a paging prompt after every N lines of output. */
  pageLines?: number
  /** Commands that never return. */
  hang?: string[]
  /** A command that drops the connection (socket closed, no goodbye). */
  dropOn?: string
  /** Auth methods accepted, default both. */
  authMethods?: Array<'password' | 'keyboard-interactive'>
  /** Start in privileged mode ("#"); NX-OS and IOS-XR always do. */
  privileged?: boolean
  /** Commands answered only in privileged mode. */
  privilegedCommands?: string[]
  /** Software version in the SSH identification string, e.g. "Cisco-1.25". */
  serverIdent?: string
  /** A line printed above every prompt, e.g. Junos's "{master:0}" on a virtual chassis. */
  promptLine?: string
  /** Stop at "Press any key to continue" before the first prompt, as ProCurve does. */
  pressAnyKey?: boolean
  /** Fixed host private key (OpenSSH or PEM); generated when absent. */
  hostKey?: string
}

export interface RunningSimulatedDevice {
  name: string
  port: number
  /** The host's public key as a known_hosts key field: "ssh-ed25519 AAAA...". */
  hostPublicKey: string
}

export interface SshSimulator {
  host: string
  devices: RunningSimulatedDevice[]
  /** Commands the device received so far (shell lines and exec requests; never secrets typed at a password prompt). */
  received (name: string): string[]
  /** Login attempts so far, as "method:username" (no passwords). */
  logins (name: string): string[]
  /** Closes every listener and connection; safe to call twice. */
  stop (): Promise<void>
}

// Commands that make output machine-friendly (paging off, width); devices take them silently.
const SETUP_COMMAND = /^(?:terminal|term|set cli|no page|screen-length|terminal pager)\b/i

interface PlatformStyle {
  prompt: (host: string, user: string, privileged: boolean) => string
  more?: (pct: number) => string
  erase: (len: number) => string
  error: (command: string, promptLen: number) => string
  startsPrivileged: boolean
}

const backspaceErase = (len: number): string => '\b'.repeat(len) + ' '.repeat(len) + '\b'.repeat(len)
const caretError = (msg: string) => (_command: string, promptLen: number): string => `${' '.repeat(promptLen)}^\r\n${msg}\r\n\r\n`

const STYLES: Record<string, PlatformStyle> = {
  cisco_ios: { prompt: (h, _u, p) => `${h}${p ? '#' : '>'}`, more: () => ' --More-- ', erase: backspaceErase, error: caretError("% Invalid input detected at '^' marker."), startsPrivileged: false },
  arista_eos: { prompt: (h, _u, p) => `${h}${p ? '#' : '>'}`, more: () => ' --More-- ', erase: backspaceErase, error: caretError("% Invalid input detected at '^' marker."), startsPrivileged: false },
  cisco_nxos: { prompt: (h) => `${h}# `, more: () => ' --More-- ', erase: backspaceErase, error: caretError("% Invalid command at '^' marker."), startsPrivileged: true },
  cisco_xr: { prompt: (h) => `RP/0/RSP0/CPU0:${h}#`, more: () => ' --More-- ', erase: backspaceErase, error: caretError("% Invalid input detected at '^' marker."), startsPrivileged: true },
  juniper_junos: {
    prompt: (h, u) => `${u}@${h}> `,
    more: (pct) => `---(more ${pct}%)---`,
    erase: (len) => '\r' + ' '.repeat(len) + '\r',
    error: (_c, promptLen) => `${' '.repeat(promptLen)}^\r\nunknown command.\r\n`,
    startsPrivileged: false
  },
  hp_procurve: {
    prompt: (h, _u, p) => `${h}${p ? '# ' : '> '}`,
    more: () => '-- MORE --, next page: Space, next line: Enter, quit: Control-C',
    erase: () => '\x1b[2K\r',
    error: (c) => `Invalid input: ${c.split(' ').at(-1) ?? c}\r\n`,
    startsPrivileged: false
  },
  linux: { prompt: (h, u) => `${u}@${h}:~$ `, erase: () => '', error: (c) => `-bash: ${c.split(' ')[0]}: command not found\r\n`, startsPrivileged: true }
}

function styleOf (platform: string): PlatformStyle {
  return STYLES[platform] ?? STYLES.cisco_ios
}

const normalise = (command: string): string => command.trim().replace(/\s+/g, ' ')

function same (a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** One shell session's CLI: line discipline, modes, paging. */
class SimulatedCli {
  readonly #dev: SimulatedDevice
  readonly #style: PlatformStyle
  readonly #out: ServerChannel
  readonly #drop: () => void
  readonly #commands: Map<string, string>
  #privileged: boolean
  #mode: 'line' | 'password' | 'username' | 'paging' | 'hung' | 'closed' | 'anykey' = 'line'
  #line = ''
  #lastCr = false
  #tries = 0
  #pending: string[] = []
  #total = 0
  #more = ''

  readonly #log: string[]

  constructor (dev: SimulatedDevice, out: ServerChannel, drop: () => void, log: string[]) {
    this.#dev = dev
    this.#log = log
    this.#style = styleOf(dev.platform)
    this.#out = out
    this.#drop = drop
    this.#commands = new Map(Object.entries(dev.commands).map(([k, v]) => [normalise(k), v]))
    this.#privileged = dev.privileged ?? this.#style.startsPrivileged
    if (dev.motd !== undefined && dev.motd !== '') this.#write(crlf(dev.motd.endsWith('\n') ? dev.motd : dev.motd + '\n'))
    if (dev.pressAnyKey === true) {
      this.#mode = 'anykey'
      this.#write('Press any key to continue')
    } else {
      this.#prompt()
    }
    out.on('data', (b: Buffer) => this.#input(b.toString('utf8')))
  }

  #write (s: string): void {
    if (this.#mode !== 'closed' && this.#out.writable) this.#out.write(s)
  }

  #promptText (): string {
    return this.#style.prompt(this.#dev.prompt, this.#dev.username, this.#privileged)
  }

  #prompt (): void {
    if (this.#dev.promptLine !== undefined) this.#write(`\r\n${this.#dev.promptLine}\r\n`)
    this.#write(this.#promptText())
  }

  #input (s: string): void {
    for (const ch of s) {
      if (this.#mode === 'hung' || this.#mode === 'closed') return
      if (this.#mode === 'anykey') {
        this.#mode = 'line'
        this.#write('\x1b[2K\r')
        this.#prompt()
        continue
      }
      if (this.#mode === 'paging') { this.#pagingKey(ch); continue }
      if (ch === '\n' && this.#lastCr) { this.#lastCr = false; continue }
      this.#lastCr = ch === '\r'
      if (ch === '\r' || ch === '\n') {
        const line = this.#line
        this.#line = ''
        this.#write('\r\n')
        this.#enter(line)
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.#line.length > 0) {
          this.#line = this.#line.slice(0, -1)
          if (this.#mode === 'line' || this.#mode === 'username') this.#write('\b \b')
        }
      } else if (ch === '\x03') {
        this.#line = ''
        this.#mode = 'line'
        this.#write('^C\r\n')
        this.#prompt()
      } else if (ch >= ' ') {
        this.#line += ch
        if (this.#mode === 'line' || this.#mode === 'username') this.#write(ch)
      }
    }
  }

  #enter (raw: string): void {
    if (this.#mode === 'password') { this.#checkSecret(raw); return }
    if (this.#mode === 'username') {
      // ProCurve asks for the manager's name, then the password
      this.#mode = 'password'
      this.#write('Password: ')
      return
    }
    const command = normalise(raw)
    if (command === '') { this.#prompt(); return }
    this.#log.push(command)
    if (this.#dev.dropOn !== undefined && normalise(this.#dev.dropOn) === command) { this.#mode = 'closed'; this.#drop(); return }
    if (this.#dev.hang?.some((h) => normalise(h) === command) === true) { this.#mode = 'hung'; return }
    if (/^(?:exit|quit|logout)$/.test(command)) {
      this.#mode = 'closed'
      this.#out.exit(0)
      this.#out.end()
      return
    }
    if (command === 'enable' && this.#dev.platform !== 'linux' && this.#dev.platform !== 'juniper_junos') {
      if (this.#privileged || this.#dev.enableSecret === undefined) {
        this.#privileged = true
        this.#prompt()
        return
      }
      this.#tries = 0
      if (this.#dev.platform === 'hp_procurve') {
        this.#mode = 'username'
        this.#write('Username: ')
        return
      }
      this.#mode = 'password'
      this.#write('Password: ')
      return
    }
    if (command === 'disable' && this.#dev.platform !== 'linux') { this.#privileged = this.#style.startsPrivileged; this.#prompt(); return }
    if (SETUP_COMMAND.test(command) && !this.#commands.has(command)) { this.#prompt(); return }
    const output = this.#commands.get(command)
    const needsPriv = this.#dev.privilegedCommands?.some((c) => normalise(c) === command) === true
    if (output === undefined || (needsPriv && !this.#privileged)) {
      this.#write(this.#style.error(command, this.#promptText().length + raw.indexOf(raw.trim().split(/\s+/).at(-1) ?? '')))
      this.#prompt()
      return
    }
    this.#page(output)
  }

  #checkSecret (secret: string): void {
    if (this.#dev.enableSecret !== undefined && same(secret, this.#dev.enableSecret)) {
      this.#mode = 'line'
      this.#privileged = true
      this.#prompt()
      return
    }
    // IOS asks three times, then gives up with "% Bad secrets".
    if (++this.#tries < 3) { this.#write('Password: '); return }
    this.#mode = 'line'
    this.#write('% Bad secrets\r\n\r\n')
    this.#prompt()
  }

  #page (output: string): void {
    const text = output.replace(/\r\n/g, '\n').replace(/\n$/, '')
    this.#pending = text === '' ? [] : text.split('\n')
    this.#total = this.#pending.length
    this.#flush(this.#dev.pageLines ?? 0)
  }

  #flush (n: number): void {
    const style = this.#style
    const take = n > 0 && style.more !== undefined ? this.#pending.splice(0, n) : this.#pending.splice(0)
    if (take.length > 0) this.#write(take.join('\r\n') + '\r\n')
    if (this.#pending.length === 0) {
      this.#mode = 'line'
      this.#prompt()
      return
    }
    const pct = Math.floor(100 * (this.#total - this.#pending.length) / this.#total)
    this.#more = style.more!(pct)
    this.#mode = 'paging'
    this.#write(this.#more)
  }

  #pagingKey (ch: string): void {
    const erase = this.#style.erase(this.#more.length)
    if (ch === ' ') { this.#write(erase); this.#flush(this.#dev.pageLines ?? 0) } else if (ch === '\r' || ch === '\n') { this.#write(erase); this.#flush(1) } else if (ch === 'q' || ch === '\x03') {
      this.#write(erase)
      this.#pending = []
      this.#mode = 'line'
      this.#prompt()
    }
  }
}

function crlf (s: string): string {
  return s.replace(/\r?\n/g, '\r\n')
}

function runExec (dev: SimulatedDevice, raw: string, ch: ServerChannel, drop: () => void, log: string[]): void {
  const command = normalise(raw)
  log.push(command)
  if (dev.dropOn !== undefined && normalise(dev.dropOn) === command) { drop(); return }
  if (dev.hang?.some((h) => normalise(h) === command) === true) return
  const output = Object.entries(dev.commands).find(([k]) => normalise(k) === command)?.[1]
  if (output === undefined) {
    const style = styleOf(dev.platform)
    if (dev.platform === 'linux') ch.stderr.write(`bash: line 1: ${command.split(' ')[0]}: command not found\n`)
    else ch.write(style.error(command, 0))
    ch.exit(dev.platform === 'linux' ? 127 : 1)
  } else {
    ch.write(dev.platform === 'linux' ? output : crlf(output))
    ch.exit(0)
  }
  ch.end()
}

/** A fresh ed25519 host key that ssh2 can read back. ssh2's generator writes about one key in
 * 500 that its own parser rejects ("Malformed OpenSSH private key"), which made lab and test
 * starts fail at random; a rejected key is simply replaced. */
function generateHostKey (): { private: string, public: string } {
  for (let attempt = 1; ; attempt++) {
    const pair = utils.generateKeyPairSync('ed25519')
    const parsed = utils.parseKey(pair.private)
    if (!(parsed instanceof Error)) return pair
    if (attempt >= 20) throw new Error(`cannot generate a host key ssh2 accepts: ${parsed.message}`)
  }
}

function startOne (dev: SimulatedDevice, host: string, log: string[], logins: string[]): Promise<{ server: InstanceType<typeof Server>, port: number, hostPublicKey: string, clients: Set<Connection> }> {
  let privateKey = dev.hostKey
  let hostPublicKey: string
  if (privateKey === undefined) {
    const pair = generateHostKey()
    privateKey = pair.private
    hostPublicKey = pair.public.trim().split(/\s+/).slice(0, 2).join(' ')
  } else {
    const parsed = utils.parseKey(privateKey)
    if (parsed instanceof Error) throw new Error(`simulated device ${dev.name}: hostKey: ${parsed.message}`)
    const k = Array.isArray(parsed) ? parsed[0] : parsed
    hostPublicKey = `${k.type} ${k.getPublicSSH().toString('base64')}`
  }
  const methods = dev.authMethods ?? ['password', 'keyboard-interactive']
  const clients = new Set<Connection>()
  const server = new Server({ hostKeys: [privateKey], banner: dev.banner, ident: dev.serverIdent }, (client) => {
    clients.add(client)
    // Small interactive writes must not wait on Nagle (see session.ts); the type omits setNoDelay.
    ;(client as unknown as { setNoDelay (on: boolean): void }).setNoDelay(true)
    const drop = (): void => {
      // A dropped link, not a goodbye: no SSH disconnect message, the socket just goes.
      (client as unknown as { _sock?: { destroy (): void } })._sock?.destroy()
    }
    client.on('close', () => clients.delete(client))
    client.on('error', () => { /* clients that vanish are normal here */ })
    client.on('authentication', (ctx) => {
      if (ctx.method !== 'none') logins.push(`${ctx.method}:${ctx.username}`)
      const userOk = same(ctx.username, dev.username)
      if (ctx.method === 'password' && methods.includes('password')) {
        if (userOk && same(ctx.password, dev.password)) { ctx.accept(); return }
        ctx.reject(methods)
        return
      }
      if (ctx.method === 'keyboard-interactive' && methods.includes('keyboard-interactive')) {
        ctx.prompt([{ prompt: 'Password: ', echo: false }], 'Keyboard-interactive authentication', '', (answers) => {
          if (userOk && answers.length === 1 && same(answers[0], dev.password)) ctx.accept()
          else ctx.reject(methods)
        })
        return
      }
      ctx.reject(methods)
    })
    client.on('ready', () => {
      client.on('session', (accept) => {
        const session = accept()
        session.on('pty', (ok) => ok?.())
        session.on('window-change', (ok) => ok?.())
        session.on('env', (ok) => ok?.())
        session.on('shell', (ok) => {
          const ch = ok()
          ch.on('error', () => undefined)
          new SimulatedCli(dev, ch, drop, log)
        })
        session.on('exec', (ok, _reject, info) => {
          const ch = ok()
          ch.on('error', () => undefined)
          runExec(dev, info.command, ch, drop, log)
        })
      })
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => {
      server.removeListener('error', reject)
      server.on('error', () => { /* a client that vanishes mid-handshake is normal here */ })
      resolve({ server, port: (server.address() as AddressInfo).port, hostPublicKey, clients })
    })
  })
}

/** Starts every device on its own port of `host` (default 127.0.0.1). */
export async function startSshSimulator (options: { devices: SimulatedDevice[], host?: string }): Promise<SshSimulator> {
  const host = options.host ?? '127.0.0.1'
  const running: Array<Awaited<ReturnType<typeof startOne>>> = []
  const logs = new Map<string, string[]>(options.devices.map((d) => [d.name, []]))
  const logins = new Map<string, string[]>(options.devices.map((d) => [d.name, []]))
  const stop = async (): Promise<void> => {
    const all = running.splice(0)
    await Promise.all(all.map(async (r) => {
      for (const c of r.clients) (c as unknown as { _sock?: { destroy (): void } })._sock?.destroy()
      await new Promise<void>((resolve) => r.server.close(() => resolve()))
    }))
  }
  try {
    for (const dev of options.devices) running.push(await startOne(dev, host, logs.get(dev.name)!, logins.get(dev.name)!))
  } catch (err) {
    await stop()
    throw err
  }
  let stopped: Promise<void> | undefined
  return {
    host,
    devices: options.devices.map((d, i) => ({ name: d.name, port: running[i].port, hostPublicKey: running[i].hostPublicKey })),
    received: (name) => [...(logs.get(name) ?? [])],
    logins: (name) => [...(logins.get(name) ?? [])],
    stop: async () => { stopped ??= stop(); await stopped }
  }
}
