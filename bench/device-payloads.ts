// The payloads of the reconciler benches: one request per device, as an agent sends a device it
// polled (the device, 48 interfaces, an address on each), every entity naming its device in full.
import { randomUUID } from 'node:crypto'
import { encodeIngestRequest, type IngestRequest } from '../proto/index.ts'

export const INTERFACES = 48
export const ENTITIES_PER_DEVICE = 1 + 2 * INTERFACES

type Entity = Record<string, unknown>
const ts = { seconds: Math.floor(Date.now() / 1000) - 1, nanos: 0 }

function deviceRef (d: number): Entity {
  return {
    name: `bench-${d}`,
    site: { name: `site-${d % 10}` },
    device_type: { model: 'EX4300-48T', manufacturer: { name: 'Juniper' } },
    role: { name: 'Access switch' }
  }
}

function deviceEntities (d: number, variant: 'base' | 'changed'): Entity[] {
  const ref = deviceRef(d)
  const out: Entity[] = [{
    timestamp: ts,
    device: { ...ref, platform: { name: 'junos', manufacturer: { name: 'Juniper' } }, serial: `SN${d}`, status: 'active' }
  }]
  for (let i = 0; i < INTERFACES; i++) {
    // 10% changed: every tenth interface gets a new description.
    const description = variant === 'changed' && i % 10 === 0 ? `uplink ${i} (moved)` : `port ${i}`
    out.push({ timestamp: ts, interface: { device: ref, name: `ge-0/0/${i}`, type: '1000base-t', enabled: true, mtu: 1514, description } })
  }
  for (let i = 0; i < INTERFACES; i++) {
    const a = d * INTERFACES + i
    out.push({
      timestamp: ts,
      ip_address: { address: `10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}/16`, assigned_object_interface: { device: ref, name: `ge-0/0/${i}` }, status: 'active' }
    })
  }
  return out
}

/** Device `d`'s request; 'changed': every tenth interface with another description. */
export function requestBytes (d: number, variant: 'base' | 'changed'): Uint8Array {
  const r: IngestRequest = {
    id: randomUUID(),
    stream: 'latest',
    producer_app_name: 'bench',
    producer_app_version: '1.0.0',
    sdk_name: 'bench',
    sdk_version: '0.0.1',
    entities: deviceEntities(d, variant) as IngestRequest['entities']
  }
  return encodeIngestRequest(r)
}
