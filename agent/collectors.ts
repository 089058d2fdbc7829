// The collectors the runtime calls, as injectable functions. The real ones (agent/snmp,
// agent/ssh) are loaded on first use, so an agent with only SSH targets never loads net-snmp,
// and tests inject their own.
import type { Logger } from 'pino'
import type { CollectResult, SnmpTargetSettings, SshTargetSettings } from './model.ts'

export interface CollectOptions {
  logger?: Logger
  signal?: AbortSignal
  /** Absolute ms epoch by which the whole target must be done. */
  deadline?: number
  /** Index into settings.credentials to try first: the one that worked last time. */
  preferredCredential?: number
  /** Manufacturer names by enterprise number, over the shipped table (SNMP only). */
  vendors?: Readonly<Record<number, string>>
}

export type SnmpCollector = (settings: SnmpTargetSettings, options?: CollectOptions) => Promise<CollectResult>
export type SshCollector = (settings: SshTargetSettings, options?: CollectOptions) => Promise<CollectResult>

export interface Collectors {
  snmp?: SnmpCollector
  ssh?: SshCollector
}

// Specifiers in variables: the collectors are other components' work and are resolved at run
// time, not pulled into every type check of the agent.
const SNMP_MODULE = './snmp/index.ts'
const SSH_MODULE = './ssh/index.ts'

export const defaultCollectors: Required<Collectors> = {
  async snmp (settings, options) {
    const mod = (await import(SNMP_MODULE)) as { collectSnmp: SnmpCollector }
    return mod.collectSnmp(settings, options)
  },
  async ssh (settings, options) {
    const mod = (await import(SSH_MODULE)) as { collectSsh: SshCollector }
    return mod.collectSsh(settings, options)
  }
}
