// The agent's configuration once parsed, resolved and validated: every default filled in, every
// duration in ms, every scope expanded to hosts. config/examples/agent.yaml documents the YAML.
import type { DeviceDefaults } from '../mapping/to-entities.ts'
import type { SnmpTargetSettings, SshTargetSettings } from '../model.ts'

/** Concurrent targets across all policies unless `tributary.concurrency` says otherwise. */
export const DEFAULT_CONCURRENCY = 16
/** Time one target may take (SNMP and SSH together), in ms. */
export const DEFAULT_TIMEOUT_PER_TARGET = 120_000
/** Runs kept per policy for GET /api/v1/status. */
export const DEFAULT_RUN_HISTORY = 10

export interface StatusListen {
  host: string
  /** 0 picks a free port. */
  port: number
}

export interface AgentConfig {
  /** Ingester URL, e.g. grpc://diode.lan:8080/diode; required unless dryRun. */
  target?: string
  clientId?: string
  /** Secret. */
  clientSecret?: string
  /** Names this agent in producer_app_name, request metadata and, for policies without a
   * site, the site its devices land in. Default: the machine's host name. */
  agentName: string
  dryRun: boolean
  /** Where dry-run files go; stdout when unset. */
  dryRunOutputDir?: string
  /** Status and metrics server; disabled when unset. */
  statusListen?: StatusListen
  /** Targets discovered at once across all policies. */
  concurrency: number
  /** Hosts one policy's scope may expand to. */
  maxScopeAddresses: number
  /** Manufacturer names by enterprise number or reported name (see toEntities). */
  vendors: Record<string, string>
  /** Runs kept per policy in the status history. */
  runHistory: number
  policies: PolicyConfig[]
}

export interface PolicyConfig {
  name: string
  /** 5-field cron; undefined runs the policy once at start. */
  schedule?: string
  defaults: DeviceDefaults
  /** Time one target may take, in ms. */
  timeoutPerTarget: number
  /** Targets of this policy discovered at once (never more than the agent's concurrency). */
  concurrency: number
  /** Every host of the scope, in scope order, each with the settings of its scope entry. */
  targets: TargetPlan[]
}

export interface TargetPlan {
  /** Address or host name to connect to. */
  host: string
  /** Index of the scope entry it came from. */
  entry: number
  snmp?: SnmpTargetSettings
  ssh?: SshTargetSettings
  /** The policy's defaults with the entry's override_defaults applied. */
  defaults: DeviceDefaults
}
