// The demo lab's recordings (lab/snmp, served by `tributary lab` through startSnmpSimulator): each
// device reads completely, and the LLDP neighbours describe one consistent cabling, seen from both ends.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { collectSnmp, startSnmpSimulator, type SnmpSimulator } from '../../../agent/snmp/index.ts'
import type { DiscoveredDevice } from '../../../agent/model.ts'

const LAB = fileURLToPath(new URL('../../../lab/snmp/', import.meta.url))
const DEVICES = ['lab-core1', 'lab-dist1', 'lab-access1', 'lab-edge1']

let sim: SnmpSimulator
const devices = new Map<string, DiscoveredDevice>()
before(async () => {
  sim = await startSnmpSimulator({ dataDir: LAB })
  for (const community of DEVICES) {
    const result = await collectSnmp({ host: '127.0.0.1', port: sim.port, credentials: [{ version: '2c', community }] })
    assert.equal(result.warnings, undefined, community)
    devices.set(community, result.device)
  }
})
after(async () => { await sim?.stop() })

describe('snmp lab recordings', () => {
  it('snmp - every lab device has identity, interfaces, IPv4 and IPv6 addresses and a chassis', () => {
    const want: Record<string, [string, string, string]> = {
      'lab-core1': ['core1.lab.example', 'Cisco', 'Cisco IOS-XE 17.9.4a'],
      'lab-dist1': ['dist1.lab.example', 'Arista', 'Arista EOS 4.30.1F'],
      'lab-access1': ['access1.lab.example', 'Juniper', 'Juniper Junos 21.4R3-S5.4'],
      'lab-edge1': ['edge1.lab.example', 'Net-SNMP', 'Linux 6.1.0-18-amd64']
    }
    for (const [community, [hostname, manufacturer, platform]] of Object.entries(want)) {
      const d = devices.get(community) as DiscoveredDevice
      assert.equal(d.hostname, hostname)
      assert.equal(d.manufacturer, manufacturer)
      assert.equal(d.platform, platform)
      assert.ok(d.serial !== undefined && d.model !== undefined, community)
      assert.ok(d.addresses.some((a) => !a.address.includes(':')), `${community} IPv4`)
      assert.ok(d.addresses.some((a) => a.address.includes(':')), `${community} IPv6`)
      if (community !== 'lab-edge1') assert.ok(d.vlans.length >= 3 && d.interfaces.some((i) => i.mode !== undefined), `${community} VLANs`)
    }
    assert.deepEqual(devices.get('lab-access1')?.interfaces.filter((i) => i.lag === 'ae0').map((i) => i.name), ['xe-0/1/0', 'xe-0/1/1'])
    assert.deepEqual(devices.get('lab-dist1')?.interfaces.filter((i) => i.lag === 'Port-Channel20').map((i) => i.name), ['Ethernet1', 'Ethernet2'])
  })

  it('snmp - LLDP neighbours in the lab agree from both ends of every cable', () => {
    const byName = new Map([...devices.values()].map((d) => [d.hostname as string, d]))
    let cables = 0
    for (const a of devices.values()) {
      for (const n of a.neighbors) {
        const b = byName.get(n.remoteSystemName as string)
        assert.ok(b !== undefined, `${a.hostname} sees unknown ${n.remoteSystemName}`)
        // The far port is named, or (Linux lldpd) given as its MAC.
        const farIface = b.interfaces.find((i) => i.name === n.remotePort || i.mac === n.remotePort)
        assert.ok(farIface !== undefined, `${a.hostname} ${n.localInterface}: ${b.hostname} has no port ${n.remotePort}`)
        const back = b.neighbors.find((m) => m.localInterface === farIface.name)
        assert.ok(back !== undefined, `${b.hostname} ${farIface.name} does not see ${a.hostname}`)
        assert.equal(back.remoteSystemName, a.hostname)
        const localIface = a.interfaces.find((i) => i.name === n.localInterface)
        assert.ok(back.remotePort === localIface?.name || back.remotePort === localIface?.mac, `${b.hostname} ${farIface.name} -> ${back.remotePort}`)
        assert.ok(a.addresses.some((x) => x.address.split('/')[0] === back.remoteManagementAddress), `${a.hostname} owns ${back.remoteManagementAddress}`)
        cables++
      }
    }
    assert.equal(cables, 10)
  })
})
