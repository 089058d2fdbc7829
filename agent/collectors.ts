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

// Dynamic imports: type-checked like any import, but only loaded when a target needs them.
export const defaultCollectors: Required<Collectors> = {
  async snmp (settings, options) {
    const { collectSnmp } = await import('./snmp/index.ts')
    return await collectSnmp(settings, options)
  },
  async ssh (settings, options) {
    const { collectSsh } = await import('./ssh/index.ts')
    return await collectSsh(settings, options)
  }
}
