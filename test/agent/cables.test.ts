// Cables from neighbour tables (agent/mapping/to-cables.ts): only between devices discovered in
// the same run, one per pair of ports whichever side reported it, never a guess.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { toCables, toEntities, type DiscoveredDevice, type MappedDevice } from '../../agent/index.ts'
import { emptyDevice, type DiscoveredNeighbor } from '../../agent/model.ts'
import type { Entity } from '../../proto/index.ts'

const now = new Date('2026-01-02T03:04:05.000Z')

function device (hostname: string, ports: Array<[string, string?, string?]>, neighbors: Array<Partial<DiscoveredNeighbor> & { localInterface: string }> = []): DiscoveredDevice {
  return {
    ...emptyDevice('snmp', `192.0.2.${hostname.length}`),
    hostname,
    model: 'M1',
    interfaces: ports.map(([name, type = '10gbase-x-sfpp', mac]) => ({ name, type, ...(mac !== undefined ? { mac } : {}) })),
    neighbors: neighbors.map((n) => ({ protocol: 'lldp', ...n }))
  }
}

/** Each device mapped as the runtime maps it, so the cables name devices as their entities do. */
function mapped (...devices: DiscoveredDevice[]): MappedDevice[] {
  return devices.map((d) => ({ discovered: d, device: toEntities(d, { site: 'lab', role: 'switch' }, { now })[0].device! }))
}

/** A cable as "device:port -- device:port". */
function ends (e: Entity): string {
  const side = (t: NonNullable<Entity['cable']>['a_terminations']): string =>
    t!.map((x) => `${x.object_interface!.device!.name!}:${x.object_interface!.name!}`).join(',')
  return `${side(e.cable!.a_terminations)} -- ${side(e.cable!.b_terminations)}`
}

test('cables - reciprocal LLDP neighbours of two discovered devices give exactly one cable', () => {
  const core = device('core1.lab.example', [['Te1/1/1'], ['Gi1/0/1', '1000base-t']], [
    { localInterface: 'Te1/1/1', remoteSystemName: 'dist1.lab.example', remotePort: 'Ethernet49/1' },
    // Not discovered in this run: no cable.
    { localInterface: 'Gi1/0/1', remoteSystemName: 'phone-17', remotePort: 'Port 1' }
  ])
  const dist = device('dist1.lab.example', [['Ethernet49/1']], [
    { localInterface: 'Ethernet49/1', remoteSystemName: 'CORE1', remotePort: 'TenGigabitEthernet1/1/1' }
  ])
  const cables = toCables(mapped(dist, core), { now })
  assert.deepEqual(cables.map(ends), ['core1.lab.example:Te1/1/1 -- dist1.lab.example:Ethernet49/1'])
  const [c] = cables
  assert.equal(c.cable!.status, 'connected')
  assert.deepEqual(c.timestamp, { seconds: 1767323045, nanos: 0 })
  // The far device is named fully enough to be created, with what its own entity says.
  assert.deepEqual(c.cable!.a_terminations![0].object_interface!.device,
    { name: 'core1.lab.example', site: { name: 'lab' }, device_type: { model: 'M1', manufacturer: { name: 'Unknown' } }, role: { name: 'switch' } })
  // The same orientation whichever device is listed (or reports) first.
  assert.deepEqual(toCables(mapped(core, dist), { now }).map(ends), cables.map(ends))
  assert.deepEqual(toCables(mapped(core), { now }), [])
})

test('cables - a neighbour whose port is not among the far device\'s interfaces gives none; lldpd MACs and port descriptions are followed', () => {
  const sw = device('sw1', [['ge-0/0/0', '1000base-t'], ['ge-0/0/1', '1000base-t'], ['ge-0/0/2', '1000base-t']], [
    { localInterface: 'ge-0/0/0', remoteSystemName: 'srv1.example.net', remotePort: '52:54:00:e1:00:02', remotePortDescription: 'eth0' },
    { localInterface: 'ge-0/0/1', remoteSystemName: 'srv1', remotePort: 'aa:bb:cc:dd:ee:ff', remotePortDescription: 'eth1' },
    { localInterface: 'ge-0/0/2', remoteSystemName: 'srv1', remotePort: 'eth9' }
  ])
  const srv = device('srv1', [['eth0', '1000base-t', '52:54:00:e1:00:02'], ['eth1', '1000base-t', '52:54:00:e1:00:03'], ['bond0', 'lag', '52:54:00:e1:00:02']])
  assert.deepEqual(toCables(mapped(sw, srv), { now }).map(ends), ['srv1:eth0 -- sw1:ge-0/0/0', 'srv1:eth1 -- sw1:ge-0/0/1'])
})

test('cables - a port seen with two neighbours, or on a LAG, gives no cable', () => {
  const a = device('a', [['Gi0/1', '1000base-t'], ['Po1', 'lag'], ['Gi0/2', '1000base-t']], [
    { localInterface: 'Gi0/1', remoteSystemName: 'b', remotePort: 'Gi0/1' },
    { localInterface: 'Gi0/1', remoteSystemName: 'c', remotePort: 'Gi0/1' },
    { localInterface: 'Po1', remoteSystemName: 'c', remotePort: 'Po1' },
    { localInterface: 'Gi0/2', remoteSystemName: 'c', remotePort: 'Gi0/2' }
  ])
  const b = device('b', [['Gi0/1', '1000base-t']])
  const c = device('c', [['Gi0/1', '1000base-t'], ['Po1', 'lag'], ['Gi0/2', '1000base-t']])
  assert.deepEqual(toCables(mapped(a, b, c), { now }).map(ends), ['a:Gi0/2 -- c:Gi0/2'])
})
