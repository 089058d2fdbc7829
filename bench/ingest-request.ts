// The IngestRequest the ingest benchmarks send: N entities in Diode's usual mix (devices,
// interfaces, IP addresses), encoded once. bench/ingest.ts sends it and bench/validate.ts times
// validation of it, so both measure the same bytes.
import { encodeIngestRequest, type IngestRequest } from '../proto/index.ts'

function entities (n: number): IngestRequest['entities'] {
  const ts = { seconds: Math.floor(Date.now() / 1000), nanos: 0 }
  const device = (i: number) => ({
    name: `bench-sw-${Math.floor(i / 10)}`,
    device_type: { model: 'C9300-48P', manufacturer: { name: 'Cisco' } },
    role: { name: 'access-switch' },
    platform: { name: 'cisco_ios', manufacturer: { name: 'Cisco' } },
    site: { name: 'bench-dc1' },
    serial: `FOC${100000 + i}`,
    status: 'active'
  })
  return Array.from({ length: n }, (_, i) => {
    switch (i % 3) {
      case 0: return { timestamp: ts, device: device(i) }
      case 1: return { timestamp: ts, interface: { device: device(i), name: `GigabitEthernet1/0/${i % 48}`, type: '1000base-t', enabled: true, mtu: 1500, description: 'bench port' } }
      default: return { timestamp: ts, ip_address: { address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/24`, status: 'active', assigned_object_interface: { device: device(i), name: `Vlan${i % 100}`, type: 'virtual' } } }
    }
  })
}

/** The request without its id: every field but id, encoded once. */
export function requestBody (entityCount: number): Buffer {
  return Buffer.from(encodeIngestRequest({
    stream: 'latest', producer_app_name: 'bench', producer_app_version: '1.0.0', sdk_name: 'bench', sdk_version: '1.0.0', entities: entities(entityCount)
  }))
}

/** Bytes of the id field (field 3, 36-character UUID) that goes in front of the body. */
export const ID_FIELD_BYTES = 38

/**
 * A whole request: the id field (protobuf fields may come in any order, so it goes first) and then
 * `body`. setId() rewrites the id in place, so a caller with one call in flight can send a fresh
 * request per call from this one buffer instead of concatenating 155 KB each time.
 */
export class RequestBuffer {
  readonly bytes: Buffer
  #id = ''

  constructor (body: Buffer) {
    this.bytes = Buffer.allocUnsafe(ID_FIELD_BYTES + body.length)
    this.bytes[0] = (3 << 3) | 2
    this.bytes[1] = 36
    body.copy(this.bytes, ID_FIELD_BYTES)
  }

  get id (): string {
    return this.#id
  }

  /** Writes `id` (a UUID: 36 ASCII characters) into the request. Only while no call holds the bytes. */
  setId (id: string): void {
    if (id.length !== 36) throw new RangeError(`id must be 36 characters, got ${id.length}`)
    this.bytes.write(id, 2, 36, 'latin1')
    this.#id = id
  }
}
