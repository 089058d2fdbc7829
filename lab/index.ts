// `tributary lab`: a small simulated network on loopback. SNMP devices answer from the project's
// own synthetic recordings (lab/snmp/*.snmprec, LLDP between them), SSH devices from the
// simulator's device files (lab/ssh/). Every device gets its own port, and the lab writes an
// agent config that discovers all of them, one policy per device.
import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stringify } from 'yaml'
import { loadSnmprec } from './snmprec.ts'
import { startSnmpResponder, type SnmpResponder } from './snmp-responder.ts'
import { startSshSimulator, loadSimulatedDevices } from '../agent/ssh/index.ts'

const LAB_DIR = fileURLToPath(new URL('.', import.meta.url))

export interface LabDevice {
  /** File name of its recording or device definition, e.g. "lab-core1". */
  name: string
  kind: 'snmp' | 'ssh'
  host: string
  port: number
  platform?: string
}

export interface LabAgentConfigOptions {
  /** Ingest target, e.g. grpc://127.0.0.1:8080/diode; omit with dryRun. */
  target?: string
  /** Written as given; use "${DIODE_CLIENT_ID}" style references to keep secrets out of the file. */
  clientId?: string
  clientSecret?: string
  dryRun?: boolean
  /** Cron schedule of every lab policy; none = run once. */
  schedule?: string
  site?: string
}

export interface Lab {
  readonly devices: readonly LabDevice[]
  /** An agent YAML config discovering every lab device. */
  agentConfig (options: LabAgentConfigOptions): string
  stop (): Promise<void>
}

export interface LabOptions {
  host?: string
  snmpDir?: string
  sshDir?: string
}

export async function startLab (options: LabOptions = {}): Promise<Lab> {
  const host = options.host ?? '127.0.0.1'
  const snmpDir = options.snmpDir ?? join(LAB_DIR, 'snmp')
  const sshDir = options.sshDir ?? join(LAB_DIR, 'ssh')
  const responders: SnmpResponder[] = []
  const devices: LabDevice[] = []
  const sshPasswords = new Map<string, { username: string, password: string, enableSecret?: string }>()
  let stopSsh = async () => {}
  try {
    for (const file of readdirSync(snmpDir).filter((f) => f.endsWith('.snmprec')).sort()) {
      const community = basename(file, '.snmprec')
      // One responder per device so each has its own address:port, as real devices do.
      const responder = await startSnmpResponder({ host, recordings: new Map([[community, loadSnmprec(join(snmpDir, file))]]) })
      responders.push(responder)
      devices.push({ name: community, kind: 'snmp', host, port: responder.port })
    }
    const simulated = await loadSimulatedDevices(sshDir)
    const sim = await startSshSimulator({ devices: simulated, host })
    stopSsh = () => sim.stop()
    sim.devices.forEach((d, i) => {
      const def = simulated[i]
      devices.push({ name: d.name, kind: 'ssh', host, port: d.port, platform: def.platform })
      sshPasswords.set(d.name, { username: def.username, password: def.password, enableSecret: def.enableSecret })
    })
  } catch (err) {
    await stopSsh()
    for (const r of responders) await r.close()
    throw err
  }

  return {
    devices,
    agentConfig (o) {
      const policies: Record<string, unknown> = {}
      for (const d of devices) {
        const entry: Record<string, unknown> = { targets: [d.host] }
        if (d.kind === 'snmp') {
          entry.snmp = { version: '2c', community: d.name, port: d.port, timeout: '2s', retries: 1 }
        } else {
          const c = sshPasswords.get(d.name)!
          entry.ssh = {
            platform: d.platform,
            username: c.username,
            password: c.password,
            ...(c.enableSecret ? { enable_secret: c.enableSecret } : {}),
            port: d.port,
            // Simulated devices make a new host key at each start: nothing to pin.
            host_key_policy: 'off',
            timeout: '5s',
            command_timeout: '10s'
          }
        }
        policies[`lab-${d.name}`] = {
          ...(o.schedule ? { schedule: o.schedule } : {}),
          defaults: { site: o.site ?? 'lab', role: d.kind === 'ssh' && d.platform === 'linux' ? 'server' : 'network-device', tags: ['lab'] },
          options: { timeout_per_target: '60s' },
          scope: [entry]
        }
      }
      const tributary: Record<string, unknown> = { agent_name: 'lab-agent' }
      if (o.dryRun) tributary.dry_run = true
      if (o.target) tributary.target = o.target
      if (o.clientId) tributary.client_id = o.clientId
      if (o.clientSecret) tributary.client_secret = o.clientSecret
      return '# Written by `tributary lab`: discovers the simulated lab network on loopback.\n' +
        '# The lab devices\' passwords are the lab\'s own, not secrets.\n' +
        stringify({ tributary, policies })
    },
    async stop () {
      await stopSsh()
      for (const r of responders.splice(0)) await r.close()
    }
  }
}
