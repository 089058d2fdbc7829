// Launches Debian's snmpsimd over a folder of .snmprec recordings (each file name is a community),
// for the demo lab, the tests and the benchmark. The data is copied to a private temp folder that
// the unprivileged simulator can read; as root, snmpsimd insists on dropping to another user.
import { spawn, type ChildProcess } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { chownSync, chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export interface SnmpSimulatorOptions {
  /** Folder holding <community>.snmprec files. */
  dataDir: string
  /** UDP port; a free one is picked when omitted. */
  port?: number
  /** Listen address (IPv4 or IPv6), default 127.0.0.1. */
  host?: string
  /** How long to wait for snmpsimd to index and listen, in ms; default 120000. */
  startTimeout?: number
  /** snmpsimd executable, default "snmpsimd". */
  command?: string
}

export interface SnmpSimulator {
  port: number
  host: string
  stop (): Promise<void>
}

export const DEFAULT_SIMULATOR_START_TIMEOUT_MS = 120_000

/** A UDP port nothing listens on right now (bound and released). */
export async function freeUdpPort (host = '127.0.0.1'): Promise<number> {
  const sock = createSocket(host.includes(':') ? 'udp6' : 'udp4')
  await new Promise<void>((resolve, reject) => { sock.once('error', reject); sock.bind(0, host, () => resolve()) })
  const port = sock.address().port
  await new Promise<void>((resolve) => sock.close(() => resolve()))
  return port
}

function nobodyIds (): { uid: number, gid: number } | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('nobody:'))
    if (line === undefined) return undefined
    const [, , uid, gid] = line.split(':')
    return { uid: Number(uid), gid: Number(gid) }
  } catch {
    return undefined
  }
}

function groupName (gid: number): string {
  try {
    const line = readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.split(':')[2] === String(gid))
    return line?.split(':')[0] ?? 'nogroup'
  } catch {
    return 'nogroup'
  }
}

export async function startSnmpSimulator (options: SnmpSimulatorOptions): Promise<SnmpSimulator> {
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? await freeUdpPort(host)
  const root = mkdtempSync(join(tmpdir(), 'tributary-snmpsim-'))
  const data = join(root, 'data')
  const cache = join(root, 'cache')
  mkdirSync(data)
  mkdirSync(cache)
  for (const name of readdirSync(options.dataDir)) {
    if (name.endsWith('.snmprec')) copyFileSync(join(options.dataDir, name), join(data, name))
  }
  const logFile = join(root, 'snmpsimd.log')
  const args = [
    `--data-dir=${data}`, `--cache-dir=${cache}`,
    // --v2c-arch is the faster engine, but snmpsim 0.4 crashes with it on a UDPv6 endpoint.
    ...(host.includes(':') ? [`--agent-udpv6-endpoint=[${host}]:${port}`] : [`--agent-udpv4-endpoint=${host}:${port}`, '--v2c-arch']),
    `--logging-method=file:${logFile}`
  ]
  if (process.getuid?.() === 0) {
    const nobody = nobodyIds()
    if (nobody !== undefined) {
      chmodSync(root, 0o755)
      for (const dir of [data, cache]) chownSync(dir, nobody.uid, nobody.gid)
      chownSync(root, nobody.uid, nobody.gid)
      args.push('--process-user=nobody', `--process-group=${groupName(nobody.gid)}`)
    }
  } else {
    args.push(`--process-user=${userInfo().username}`, `--process-group=${groupName(process.getgid?.() ?? 0)}`)
  }
  const child: ChildProcess = spawn(options.command ?? 'snmpsimd', args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000) })
  let exited: number | null | undefined
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => { exited = code; resolve() }))
  child.once('error', (err) => { stderr += String(err) })

  const stop = async (): Promise<void> => {
    if (exited === undefined) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exit
      clearTimeout(killer)
    }
    rmSync(root, { recursive: true, force: true })
  }

  const limit = Date.now() + (options.startTimeout ?? DEFAULT_SIMULATOR_START_TIMEOUT_MS)
  for (;;) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''
    if (log.includes('Listening at')) break
    if (exited !== undefined || Date.now() > limit) {
      await stop()
      throw new Error(`snmpsimd did not start listening on ${host}:${port} within ${options.startTimeout ?? DEFAULT_SIMULATOR_START_TIMEOUT_MS} ms${exited !== undefined ? ` (exited with ${exited})` : ''}: ${(stderr + log).slice(-800)}`)
    }
    await sleep(100)
  }
  return { port, host, stop }
}
