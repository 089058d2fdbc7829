// What a collector learned about one device, before it is mapped to diode.v1 entities.
// SNMP and SSH collectors both produce a DiscoveredDevice; the agent merges the two when a
// target has both (SSH wins per field) and maps the result with toEntities(). Keeping this
// vendor-neutral model between "collect" and "map" is what lets one mapping serve every driver.

export type DiscoverySource = 'snmp' | 'ssh'

export interface DiscoveredInterface {
  /** Name as the device shows it (ifName, or the CLI name), e.g. "GigabitEthernet0/1". */
  name: string
  /** SNMP ifIndex when known; used to join SNMP tables, never sent. */
  index?: number
  description?: string
  /** NetBox interface type slug, e.g. "1000base-t", "virtual", "lag". */
  type?: string
  /** Administrative state. */
  enabled?: boolean
  /** Operational state (kept for display; NetBox has no field for it). */
  operUp?: boolean
  mtu?: number
  /** Speed in kbit/s, as NetBox stores it. */
  speedKbps?: number
  duplex?: 'full' | 'half' | 'auto'
  /** Lower-case colon-separated MAC, e.g. "00:1c:73:aa:bb:cc". */
  mac?: string
  mode?: 'access' | 'tagged' | 'tagged-all'
  untaggedVlan?: number
  taggedVlans?: number[]
  /** Name of the LAG (port-channel) this interface is a member of. */
  lag?: string
  /** Name of the parent interface (for subinterfaces). */
  parent?: string
  vrf?: string
}

export interface DiscoveredAddress {
  /** Address with prefix length, e.g. "10.0.0.1/24" or "2001:db8::1/64". */
  address: string
  /** Interface name it is assigned to. */
  interface?: string
  vrf?: string
  role?: 'loopback' | 'secondary' | 'anycast' | 'vip' | 'vrrp' | 'hsrp' | 'glbp' | 'carp'
  status?: 'active' | 'deprecated' | 'dhcp' | 'reserved' | 'slaac'
}

export interface DiscoveredVlan {
  vid: number
  name?: string
  status?: 'active' | 'reserved' | 'deprecated'
}

export interface DiscoveredVrf {
  name: string
  /** Route distinguisher, e.g. "65000:1". */
  rd?: string
}

export interface DiscoveredInventoryItem {
  name: string
  /** "module" for field-replaceable modules in a bay (line cards, supervisors), "item" otherwise. */
  kind: 'module' | 'item'
  description?: string
  partId?: string
  serial?: string
  manufacturer?: string
  /** Name of the containing item, if any. */
  parent?: string
  /** ENTITY-MIB entPhysicalClass name or the CLI's slot, for display. */
  class?: string
}

export interface DiscoveredNeighbor {
  protocol: 'lldp' | 'cdp'
  localInterface: string
  remoteSystemName?: string
  remotePort?: string
  remotePortDescription?: string
  remoteChassisId?: string
  remoteManagementAddress?: string
  remotePlatform?: string
}

export interface DiscoveredDevice {
  source: DiscoverySource
  /** The address or name the collector connected to. */
  target: string
  hostname?: string
  manufacturer?: string
  model?: string
  serial?: string
  /** Platform name as NetBox wants it, e.g. "Cisco IOS-XE 17.3.4" or "Arista EOS 4.28.3M". */
  platform?: string
  /** OS family without version, e.g. "ios", "eos", "junos". */
  osFamily?: string
  osVersion?: string
  /** sysDescr or equivalent free text. */
  description?: string
  /** sysObjectID, when read over SNMP. */
  sysObjectId?: string
  location?: string
  contact?: string
  uptimeSeconds?: number
  interfaces: DiscoveredInterface[]
  addresses: DiscoveredAddress[]
  vlans: DiscoveredVlan[]
  vrfs: DiscoveredVrf[]
  inventory: DiscoveredInventoryItem[]
  neighbors: DiscoveredNeighbor[]
}

/** An empty result to fill in, so collectors never forget a list. */
export function emptyDevice (source: DiscoverySource, target: string): DiscoveredDevice {
  return { source, target, interfaces: [], addresses: [], vlans: [], vrfs: [], inventory: [], neighbors: [] }
}

// ---- credentials and per-target settings, as the agent config resolves them ----

export type SnmpAuthProtocol = 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512'
export type SnmpPrivProtocol = 'des' | 'aes' | 'aes192' | 'aes256'

export interface SnmpCredential {
  version: '2c' | '3'
  /** v2c community. Secret: never log it. */
  community?: string
  /** v3 user name. */
  username?: string
  authProtocol?: SnmpAuthProtocol
  /** Secret. */
  authKey?: string
  privProtocol?: SnmpPrivProtocol
  /** Secret. */
  privKey?: string
  context?: string
}

export interface SnmpTargetSettings {
  host: string
  /** UDP port, default 161. */
  port?: number
  /** Tried in order until one answers. */
  credentials: SnmpCredential[]
  /** Per-request timeout in ms, default 2000. */
  timeout?: number
  /** Retries per request, default 1. */
  retries?: number
  /** GETBULK max-repetitions, default 25. */
  maxRepetitions?: number
  /** Use GETBULK (default true); the collector falls back to GETNEXT itself when a device mishandles it. */
  bulk?: boolean
}

export type HostKeyPolicy = 'strict' | 'accept-new' | 'off'

export interface SshCredential {
  username: string
  /** Secret. */
  password?: string
  /** PEM/OpenSSH private key text. Secret. */
  privateKey?: string
  /** Secret. */
  passphrase?: string
  /** Enable / privileged-mode secret. Secret. */
  enableSecret?: string
}

export interface SshTargetSettings {
  host: string
  /** TCP port, default 22. */
  port?: number
  /** Driver name (cisco_ios, cisco_nxos, cisco_xr, arista_eos, juniper_junos, hp_procurve, linux); auto-detected when unset. */
  platform?: string
  credentials: SshCredential[]
  hostKeyPolicy?: HostKeyPolicy
  knownHostsFile?: string
  /** Connect timeout in ms, default 10000. */
  timeout?: number
  /** Per-command timeout in ms, default 30000. */
  commandTimeout?: number
  /** Idle timeout in ms (no output at all), default 15000. */
  idleTimeout?: number
  jumpHost?: { host: string, port?: number, credential: SshCredential, hostKeyPolicy?: HostKeyPolicy }
}

/** Something a collector could not read, or worked around, while the rest of the device was read. */
export interface CollectWarning {
  /** What it was reading, e.g. "lldpRemTable" or "show lldp neighbors". */
  phase: string
  /** Stable code, e.g. "ERR_SNMP_TIMEOUT". */
  code: string
  message: string
}

/** What a collector returns: the device and which credential (index into the list) worked. */
export interface CollectResult {
  device: DiscoveredDevice
  credentialIndex: number
  /** Tables or commands that failed (the device is partial) and workarounds used; absent when none. */
  warnings?: CollectWarning[]
}
