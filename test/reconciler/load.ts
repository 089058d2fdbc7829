// Requests for the concurrency and crash tests: 100 entities each, many requests naming the same
// sites, VLANs, device type and devices, so concurrent reconcilers contend on the same objects.
import { encodeIngestRequest } from '../../proto/index.ts'
import { request, ts, type EntityObject } from './fixtures.ts'

export const PER_REQUEST = 100
export const DEVICES = 50
export const SITES = 5
export const VLANS_PER_SITE = 9
export const IFS_PER_REQUEST = 45

function deviceRef (d: number): EntityObject {
  return {
    name: `load-${d}`,
    site: { name: `load-site-${d % SITES}` },
    device_type: { model: 'EX4300-48T', manufacturer: { name: 'Juniper' } },
    role: { name: 'Access switch' }
  }
}

/** Request r: a device (r % 50), one half of its interfaces (r / 50 % 2) with an address each,
 * and its site's VLANs. 100 requests name every object exactly twice or more. */
export function loadRequest (r: number): { id: string, bytes: Uint8Array } {
  const d = r % DEVICES
  const half = Math.floor(r / DEVICES) % 2
  const dev = deviceRef(d)
  const entities: EntityObject[] = [{ timestamp: ts(), device: { ...dev, serial: `SN-${d}`, status: 'active' } }]
  for (let v = 0; v < VLANS_PER_SITE; v++) {
    entities.push({ timestamp: ts(), vlan: { vid: 10 + v, name: `vlan-${10 + v}`, site: dev.site } })
  }
  for (let i = 0; i < IFS_PER_REQUEST; i++) {
    const name = `ge-${half}/0/${i}`
    entities.push({ timestamp: ts(), interface: { device: dev, name, type: '1000base-t', untagged_vlan: { vid: 10 + (i % VLANS_PER_SITE), name: `vlan-${10 + (i % VLANS_PER_SITE)}`, site: dev.site } } })
    const a = d * 2 * IFS_PER_REQUEST + half * IFS_PER_REQUEST + i
    entities.push({ timestamp: ts(), ip_address: { address: `10.200.${a >> 8}.${a & 255}/24`, assigned_object_interface: { device: dev, name } } })
  }
  const req = request(entities)
  return { id: req.id!, bytes: encodeIngestRequest(req) }
}

/** Objects requests 0..n-1 (n <= 100) must leave, each exactly once. */
export function expected (n: number): Record<string, number> {
  return {
    site: Math.min(n, SITES),
    manufacturer: 1,
    device_type: 1,
    device_role: 1,
    device: Math.min(n, DEVICES),
    vlan: Math.min(n, SITES) * VLANS_PER_SITE,
    interface: n * IFS_PER_REQUEST,
    ip_address: n * IFS_PER_REQUEST
  }
}
