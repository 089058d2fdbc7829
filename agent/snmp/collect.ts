// collectSnmp: finds a credential that works (probing with one GET of the system group), then
// walks only the columns the model needs, table by table. A table that fails is noted and the
// rest goes on; the whole target is bounded by a deadline and an AbortSignal.
import type { Logger } from 'pino'
import { silentLogger } from '../../config/logger.ts'
import type { CollectResult, CollectWarning, SnmpCredential, SnmpTargetSettings } from '../model.ts'
import { assembleDevice, type Tables } from './assemble.ts'
import { SnmpAgentError, SnmpError, SnmpSettingsError, SnmpTimeoutError } from './errors.ts'
import { SnmpSession, validateCredential, type Phase, type Varbind } from './session.ts'
import { BASE_PORT_COLUMNS, PORT_VLAN_COLUMNS, VLAN_CURRENT_COLUMNS, VLAN_STATIC_COLUMNS, parseBridge } from './tables/bridge-mib.ts'
import { ENT_PHYSICAL_COLUMNS, parseEntities } from './tables/entity-mib.ts'
import { IF_TABLE_COLUMNS, IF_X_TABLE_COLUMNS, parseInterfaces } from './tables/if-mib.ts'
import { IPV6_ADDR_TABLE_COLUMNS, IP_ADDRESS_TABLE_COLUMNS, IP_ADDR_TABLE_COLUMNS, parseIpAddrTable, parseIpAddressTable, parseIpv6AddrTable } from './tables/ip-mib.ts'
import { LAG_PORT_COLUMNS, parseLagMembership } from './tables/lag-mib.ts'
import { VM_VLAN_COLUMNS, VTP_TRUNK_COLUMNS, VTP_VLAN_COLUMNS, parseCiscoVlans } from './tables/cisco-vlan.ts'
import { CDP_CACHE_COLUMNS, JUNIPER_VLAN_COLUMNS, parseCdpCache, parseJuniperVlanNames } from './tables/vendor-neighbors.ts'
import { enterpriseNumber } from '../vendors.ts'
import { LLDP_LOC_PORT_COLUMNS, LLDP_REM_COLUMNS, LLDP_REM_MAN_COLUMNS, parseLldpLocalPorts, parseLldpRemotes } from './tables/lldp-mib.ts'
import { SYSTEM_OIDS, parseSystem } from './tables/system.ts'
import { walkColumns, type ColumnRows, type WalkState } from './walk.ts'

/** Per-request timeout in ms when the settings give none. */
export const DEFAULT_TIMEOUT_MS = 2000
export const DEFAULT_RETRIES = 1
export const DEFAULT_MAX_REPETITIONS = 25
export const DEFAULT_PORT = 161

export interface CollectSnmpOptions {
  /** Parent logger; the collector logs through child({ component: 'snmp' }). */
  logger?: Logger
  signal?: AbortSignal
  /** Absolute ms epoch by which the whole target must be done. */
  deadline?: number
  /** Index into settings.credentials to try first (the one that worked last time). */
  preferredCredential?: number
  /** Private enterprise number -> manufacturer name, over the shipped table. */
  vendors?: Readonly<Record<number, string>>
  /** Keep link-local addresses (IPv6 fe80::/10, IPv4 169.254/16); default false. */
  includeLinkLocal?: boolean
}

type Cols = Map<string, ColumnRows>

interface TableSpec {
  phase: string
  columns: readonly string[]
  store: (t: Tables, cols: Cols, all: Map<string, Cols>) => void
  /** Only for devices this is true of (vendor MIBs). */
  when?: (t: Tables) => boolean
}

const isCisco = (t: Tables): boolean => enterpriseNumber(t.system.objectId) === 9
const isJuniper = (t: Tables): boolean => enterpriseNumber(t.system.objectId) === 2636

const cols = (o: Record<string, string>): string[] => Object.values(o)

// Walk order: interfaces first (everything else hangs off them); bridge tables are parsed together.
const TABLES: TableSpec[] = [
  { phase: 'ifTable', columns: cols(IF_TABLE_COLUMNS), store: () => {} },
  { phase: 'ifXTable', columns: cols(IF_X_TABLE_COLUMNS), store: (t, _c, all) => { t.interfaces = parseInterfaces(new Map([...(all.get('ifTable') ?? []), ...(all.get('ifXTable') ?? [])])) } },
  { phase: 'ipAddrTable', columns: cols(IP_ADDR_TABLE_COLUMNS), store: (t, c) => { t.ipAddr = parseIpAddrTable(c) } },
  { phase: 'ipAddressTable', columns: cols(IP_ADDRESS_TABLE_COLUMNS), store: (t, c) => { t.ipAddress = parseIpAddressTable(c) } },
  { phase: 'ipv6AddrTable', columns: cols(IPV6_ADDR_TABLE_COLUMNS), store: (t, c) => { t.ipv6Addr = parseIpv6AddrTable(c) } },
  { phase: 'entPhysicalTable', columns: cols(ENT_PHYSICAL_COLUMNS), store: (t, c) => { t.entities = parseEntities(c) } },
  { phase: 'dot1dBasePortTable', columns: cols(BASE_PORT_COLUMNS), store: () => {} },
  { phase: 'dot1qVlanStaticTable', columns: cols(VLAN_STATIC_COLUMNS), store: () => {} },
  { phase: 'dot1qVlanCurrentTable', columns: cols(VLAN_CURRENT_COLUMNS), store: () => {} },
  {
    phase: 'dot1qPortVlanTable',
    columns: cols(PORT_VLAN_COLUMNS),
    store: (t, c, all) => {
      const none: Cols = new Map()
      t.vlans = parseBridge(all.get('dot1dBasePortTable') ?? none, all.get('dot1qVlanStaticTable') ?? none, all.get('dot1qVlanCurrentTable') ?? none, c)
    }
  },
  { phase: 'vtpVlanTable', columns: cols(VTP_VLAN_COLUMNS), store: () => {}, when: isCisco },
  { phase: 'vlanTrunkPortTable', columns: cols(VTP_TRUNK_COLUMNS), store: () => {}, when: isCisco },
  {
    phase: 'vmMembershipTable',
    columns: cols(VM_VLAN_COLUMNS),
    when: isCisco,
    store: (t, c, all) => { t.ciscoVlans = parseCiscoVlans(all.get('vtpVlanTable') ?? new Map(), all.get('vlanTrunkPortTable') ?? new Map(), c) }
  },
  { phase: 'jnxL2aldVlanTable', columns: cols(JUNIPER_VLAN_COLUMNS), when: isJuniper, store: (t, c) => { t.juniperVlanNames = parseJuniperVlanNames(c) } },
  { phase: 'dot3adAggPortTable', columns: cols(LAG_PORT_COLUMNS), store: (t, c) => { t.lag = parseLagMembership(c) } },
  { phase: 'lldpLocPortTable', columns: cols(LLDP_LOC_PORT_COLUMNS), store: (t, c) => { t.lldpLocal = parseLldpLocalPorts(c) } },
  { phase: 'lldpRemTable', columns: cols(LLDP_REM_COLUMNS), store: () => {} },
  { phase: 'lldpRemManAddrTable', columns: cols(LLDP_REM_MAN_COLUMNS), store: (t, c, all) => { t.lldpRemote = parseLldpRemotes(all.get('lldpRemTable') ?? new Map(), c) } },
  { phase: 'cdpCacheTable', columns: cols(CDP_CACHE_COLUMNS), when: isCisco, store: (t, c) => { t.cdp = parseCdpCache(c) } }
]

/** Tables whose raw rows a later table's parser reads, and which tables each parser finishes. */
const CONSUMES: Record<string, string[]> = {
  ifXTable: ['ifTable'],
  dot1qPortVlanTable: ['dot1dBasePortTable', 'dot1qVlanStaticTable', 'dot1qVlanCurrentTable'],
  lldpRemManAddrTable: ['lldpRemTable'],
  vmMembershipTable: ['vtpVlanTable', 'vlanTrunkPortTable']
}
const NEEDED_LATER = new Set(Object.values(CONSUMES).flat())

/**
 * The tables the collector walks, in order, and their column OIDs (for docs and the benchmark);
 * given a sysObjectID, only those walked for that device (vendor MIBs are gated on it).
 */
export function snmpWalkPlan (sysObjectId?: string): Array<{ phase: string, columns: string[] }> {
  const system: Tables = { system: { objectId: sysObjectId } }
  return TABLES.filter((t) => sysObjectId === undefined || t.when === undefined || t.when(system)).map((t) => ({ phase: t.phase, columns: [...t.columns] }))
}

/** After this many tables in a row got no answer, the device is gone: skip the rest. */
const MAX_CONSECUTIVE_TIMEOUTS = 2

/**
 * One GET of the system group. An agent that answers it with an error-status (SNMPv1-style
 * noSuchName for one missing scalar) did accept the credential: read the scalars one by one then.
 */
async function probe (session: SnmpSession, phase: Phase): Promise<Varbind[]> {
  try {
    return await session.get(Object.values(SYSTEM_OIDS), phase)
  } catch (err) {
    if (!(err instanceof SnmpAgentError)) throw err
    const out: Varbind[] = []
    for (const oid of Object.values(SYSTEM_OIDS)) {
      try {
        out.push(...await session.get([oid], phase))
      } catch (inner) {
        if (!(inner instanceof SnmpAgentError)) throw inner
      }
    }
    return out
  }
}

function credentialOrder (count: number, preferred: number | undefined): number[] {
  const order = Array.from({ length: count }, (_, i) => i)
  if (preferred !== undefined && Number.isInteger(preferred) && preferred >= 0 && preferred < count) {
    order.splice(order.indexOf(preferred), 1)
    order.unshift(preferred)
  }
  return order
}

function describeCredential (c: SnmpCredential, index: number): Record<string, unknown> {
  return c.version === '3'
    ? { credential: index, version: '3', username: c.username, authProtocol: c.authProtocol, privProtocol: c.privProtocol }
    : { credential: index, version: '2c' }
}

function warningOf (phase: string, err: unknown): CollectWarning {
  if (err instanceof SnmpError) return { phase, code: err.code, message: err.message }
  return { phase, code: 'ERR_SNMP_PARSE', message: `could not read ${phase}: ${(err as Error)?.message ?? String(err)}` }
}

/**
 * Reads one device over SNMP and returns what it said as a DiscoveredDevice, with the index of
 * the credential that worked. Throws SnmpError when no credential gets an answer; a table that
 * fails later only adds a warning.
 */
export async function collectSnmp (settings: SnmpTargetSettings, options: CollectSnmpOptions = {}): Promise<CollectResult> {
  if (typeof settings.host !== 'string' || settings.host === '') throw new SnmpSettingsError('host: required')
  if (!Array.isArray(settings.credentials) || settings.credentials.length === 0) throw new SnmpSettingsError('credentials: at least one SNMP credential is required')
  const port = settings.port ?? DEFAULT_PORT
  const timeout = settings.timeout ?? DEFAULT_TIMEOUT_MS
  const retries = settings.retries ?? DEFAULT_RETRIES
  const maxRepetitions = settings.maxRepetitions ?? DEFAULT_MAX_REPETITIONS
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SnmpSettingsError(`port: ${port} is not a UDP port`)
  if (!(timeout > 0)) throw new SnmpSettingsError(`timeout: must be a positive number of ms, got ${timeout}`)
  if (!Number.isInteger(retries) || retries < 0) throw new SnmpSettingsError(`retries: must be a non-negative integer, got ${retries}`)
  if (!Number.isInteger(maxRepetitions) || maxRepetitions < 1) throw new SnmpSettingsError(`maxRepetitions: must be a positive integer, got ${maxRepetitions}`)
  settings.credentials.forEach((c, i) => validateCredential(c, `credentials[${i}]`))

  const log = (options.logger ?? silentLogger).child({ component: 'snmp', target: `${settings.host}:${port}` })
  const sessionSettings = { host: settings.host, port, timeout, retries, deadline: options.deadline, signal: options.signal }

  // 1. Credentials, in order, until one answers the system-group GET.
  let session: SnmpSession | undefined
  let credentialIndex = -1
  let system: ReturnType<typeof parseSystem> | undefined
  let firstFailure: SnmpError | undefined
  let authFailure: SnmpError | undefined
  for (const i of credentialOrder(settings.credentials.length, options.preferredCredential)) {
    const candidate = new SnmpSession(sessionSettings, settings.credentials[i])
    const phase: Phase = { name: 'probe', start: Date.now() }
    try {
      system = parseSystem(await probe(candidate, phase))
      session = candidate
      credentialIndex = i
      break
    } catch (err) {
      candidate.close()
      if (!(err instanceof SnmpError)) throw err
      if (err.code === 'ERR_SNMP_ABORTED' || err.code === 'ERR_SNMP_DEADLINE') throw err
      log.debug({ ...describeCredential(settings.credentials[i], i), code: err.code }, 'credential did not work')
      firstFailure ??= err
      if (err.code === 'ERR_SNMP_AUTH' || err.code === 'ERR_SNMP_INVALID_RESPONSE') authFailure ??= err
    }
  }
  if (session === undefined || system === undefined) {
    // The most telling failure: a USM rejection or a garbled answer says more than silence.
    throw authFailure ?? firstFailure ?? new SnmpTimeoutError({ target: `${settings.host}:${port}`, phase: 'probe', elapsedMs: 0, timeout, retries })
  }

  // 2. Tables.
  const tables: Tables = { system }
  const warnings: CollectWarning[] = []
  const state: WalkState = { mode: settings.bulk === false ? 'next' : 'bulk', maxRepetitions, truncated: [] }
  const walked = new Map<string, Cols>()
  let timeouts = 0
  let stopped: SnmpError | undefined
  try {
    for (const spec of TABLES) {
      if (spec.when !== undefined && !spec.when(tables)) continue
      if (stopped !== undefined) {
        warnings.push({ phase: spec.phase, code: stopped.code, message: `${spec.phase} not read: ${stopped.message}` })
        continue
      }
      const phase: Phase = { name: spec.phase, start: Date.now() }
      try {
        const before = state.mode
        const result = await walkColumns(session, spec.columns, state, phase)
        if (before === 'bulk' && state.mode === 'next') log.info({ phase: spec.phase, reason: state.fallbackReason }, 'device mishandles GETBULK; using GETNEXT')
        walked.set(spec.phase, result)
        timeouts = 0
      } catch (err) {
        if (!(err instanceof SnmpError)) throw err
        if (err.code === 'ERR_SNMP_ABORTED') throw err
        warnings.push(warningOf(spec.phase, err))
        log.warn({ phase: spec.phase, code: err.code }, 'SNMP table not read')
        if (err.code === 'ERR_SNMP_TIMEOUT') timeouts++
        if (err.code === 'ERR_SNMP_DEADLINE' || timeouts >= MAX_CONSECUTIVE_TIMEOUTS) stopped = err
      }
      try {
        spec.store(tables, walked.get(spec.phase) ?? new Map(), walked)
      } catch (err) {
        warnings.push(warningOf(spec.phase, err))
      }
      // Raw rows are dropped as soon as no later table needs them: with many devices in flight,
      // this is most of the collector's memory.
      if (!NEEDED_LATER.has(spec.phase)) walked.delete(spec.phase)
      for (const used of CONSUMES[spec.phase] ?? []) walked.delete(used)
    }
  } finally {
    session.close()
  }
  if (state.fallbackReason !== undefined) warnings.push({ phase: 'walk', code: 'WARN_SNMP_GETBULK_FALLBACK', message: `${state.fallbackReason}; walked with GETNEXT instead` })
  for (const t of state.truncated) warnings.push({ phase: t.split(' ')[0], code: 'ERR_SNMP_LOOP', message: `column cut short, the device repeated or went back in OID order: ${t}` })

  const device = assembleDevice(settings.host, tables, { vendors: options.vendors, includeLinkLocal: options.includeLinkLocal })
  log.debug({ interfaces: device.interfaces.length, addresses: device.addresses.length, requests: session.requests, walk: state.mode, warnings: warnings.length }, 'SNMP collection done')
  const result: CollectResult = { device, credentialIndex }
  if (warnings.length > 0) result.warnings = warnings
  return result
}
