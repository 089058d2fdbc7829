// Entities of one realistic device, as a producer would send them: the device with its site, type,
// manufacturer, role and platform; 4 interfaces (two carrying VLANs), 3 addresses (one the primary
// IPv4), 2 prefixes, 2 VLANs and 1 VRF.
import { randomUUID } from 'node:crypto'
import type { IngestRequest } from '../../proto/index.ts'

export type EntityObject = Record<string, unknown>

export const ts = () => ({ seconds: Math.floor(Date.now() / 1000) - 1, nanos: 0 })

export function site (name = 'Berlin DC1') { return { name, status: 'active' } }

/** How an interface or an address names its device: fully enough to create it, as SDKs do, so
 * the entities converge in any order. */
export function deviceRef (name = 'edge-1', siteName = 'Berlin DC1') {
  return {
    name,
    site: site(siteName),
    device_type: { model: 'MX204', manufacturer: { name: 'Juniper' } },
    role: { name: 'Router' }
  }
}

export function device (opts: { name?: string, site?: string, assetTag?: string, primary?: string, status?: string } = {}) {
  const d: EntityObject = {
    name: opts.name ?? 'edge-1',
    site: site(opts.site),
    device_type: { model: 'MX204', manufacturer: { name: 'Juniper' } },
    role: { name: 'Router', color: 'ff0000' },
    platform: { name: 'junos', manufacturer: { name: 'Juniper' } },
    serial: 'SN123',
    status: opts.status ?? 'active'
  }
  if (opts.assetTag) d.asset_tag = opts.assetTag
  if (opts.primary) d.primary_ip4 = { address: opts.primary }
  return d
}

export const VRF = { name: 'CUST-A', rd: '65000:1' }
export const VLANS = [
  { vid: 100, name: 'users', site: site() },
  { vid: 200, name: 'voice', site: site() }
]

export function interfaces (dev = deviceRef()) {
  return [
    { device: dev, name: 'et-0/0/0', type: '100gbase-x-qsfp28', mtu: 9192, enabled: true },
    { device: dev, name: 'et-0/0/1', type: '100gbase-x-qsfp28', mtu: 9192, mode: 'tagged', untagged_vlan: VLANS[0], tagged_vlans: [VLANS[1]] },
    { device: dev, name: 'xe-0/1/0', type: '10gbase-x-sfpp', speed: 10_000_000, vrf: VRF },
    { device: dev, name: 'fxp0', type: '1000base-t', mgmt_only: true, mac_address: '00:11:22:33:44:55' }
  ]
}

export function addresses (dev = deviceRef()) {
  const ifs = interfaces(dev)
  return [
    { address: '192.0.2.1/24', assigned_object_interface: ifs[0], status: 'active' },
    { address: '2001:db8::1/64', assigned_object_interface: ifs[1] },
    { address: '10.1.0.1/30', vrf: VRF, assigned_object_interface: ifs[2], dns_name: 'edge-1.cust-a' }
  ]
}

export const PREFIXES = [
  { prefix: '192.0.2.0/24', scope_site: site(), status: 'active' },
  { prefix: '10.1.0.0/30', vrf: VRF }
]

/** Every entity of the device, each as a one-member Entity object. */
export function deviceEntities (): EntityObject[] {
  return [
    { timestamp: ts(), vrf: VRF },
    ...VLANS.map((v) => ({ timestamp: ts(), vlan: v })),
    { timestamp: ts(), device: device({ primary: '192.0.2.1/24' }) },
    ...interfaces().map((i) => ({ timestamp: ts(), interface: i })),
    ...addresses().map((a) => ({ timestamp: ts(), ip_address: a })),
    ...PREFIXES.map((p) => ({ timestamp: ts(), prefix: p }))
  ]
}

export function request (entities: EntityObject[], id: string = randomUUID()): IngestRequest {
  return {
    id,
    stream: 'latest',
    producer_app_name: 'test-producer',
    producer_app_version: '1.0.0',
    sdk_name: 'test-sdk',
    sdk_version: '0.1.0',
    entities: entities as IngestRequest['entities']
  }
}

/** One entity of every reconciled type, each using the optional references of its model. */
export function everyType (): Record<string, unknown> {
  const dev = deviceRef()
  return {
  tag: { name: 'Gold', color: 'ffd700', object_types: ['dcim.device'] },
  region: { name: 'Europe', parent: { name: 'World' } },
  site_group: { name: 'Core sites' },
  tenant_group: { name: 'Customers' },
  tenant: { name: 'ACME', group: { name: 'Customers' } },
  site: { name: 'Berlin DC1', region: { name: 'Europe' }, group: { name: 'Core sites' }, tenant: { name: 'ACME' }, latitude: 52.52, longitude: 13.405, time_zone: 'Europe/Berlin', custom_fields: { rack_count: { integer: 12 } } },
  location: { name: 'Hall A', site: { name: 'Berlin DC1' }, parent: { name: 'Floor 1', site: { name: 'Berlin DC1' } } },
  manufacturer: { name: 'Juniper' },
  platform: { name: 'junos', manufacturer: { name: 'Juniper' } },
  device_type: { model: 'MX204', manufacturer: { name: 'Juniper' }, u_height: 1, part_number: 'MX204-HW' },
  device_role: { name: 'Router', color: 'ff0000' },
  module_type: { model: 'QSFP28-LR4', manufacturer: { name: 'Juniper' } },
  role: { name: 'Production' },
  route_target: { name: '65000:100' },
  vrf: { name: 'CUST-A', rd: '65000:1', import_targets: [{ name: '65000:100' }], export_targets: [{ name: '65000:100' }] },
  vlan_group: { name: 'Berlin VLANs', scope_site: { name: 'Berlin DC1' }, vid_ranges: [1, 100] },
  vlan: { vid: 10, name: 'mgmt', group: { name: 'Berlin VLANs', scope_site: { name: 'Berlin DC1' } }, role: { name: 'Production' } },
  virtual_chassis: { name: 'vc-1', master: dev },
  device: { ...dev, virtual_chassis: { name: 'vc-1' }, vc_position: 1, location: { name: 'Hall A', site: { name: 'Berlin DC1' } } },
  module_bay: { device: dev, name: 'PIC 0' },
  module: { device: dev, module_bay: { device: dev, name: 'PIC 0' }, module_type: { model: 'QSFP28-LR4', manufacturer: { name: 'Juniper' } }, serial: 'M1' },
  interface: { device: dev, name: 'ae0', type: 'lag', primary_mac_address: { mac_address: '00:aa:bb:cc:dd:ee' } },
  mac_address: { mac_address: '00:aa:bb:cc:dd:ff', assigned_object_interface: { device: dev, name: 'et-0/0/0', type: '100gbase-x-qsfp28', lag: { device: dev, name: 'ae0', type: 'lag' } } },
  ip_address: { address: '192.0.2.10/24', role: 'loopback', nat_inside: { address: '10.0.0.10/24' } },
  prefix: { prefix: '192.0.2.0/24', scope_location: { name: 'Hall A', site: { name: 'Berlin DC1' } }, role: { name: 'Production' }, vlan: { vid: 10, name: 'mgmt', group: { name: 'Berlin VLANs', scope_site: { name: 'Berlin DC1' } } } },
  inventory_item: { device: dev, name: 'PSU 0', manufacturer: { name: 'Juniper' }, parent: { device: dev, name: 'Chassis' }, component_interface: { device: dev, name: 'ae0' } },
  cable: { a_terminations: [{ object_interface: { device: dev, name: 'et-0/0/0' } }], b_terminations: [{ object_interface: { device: dev, name: 'et-0/0/1', type: '100gbase-x-qsfp28' } }], type: 'dac-passive', tenant: { name: 'ACME' }, tags: [{ name: 'Gold' }] }
  }
}
