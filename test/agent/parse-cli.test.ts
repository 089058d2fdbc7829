// `tributary parse` end to end: the real executable on the project's fixtures.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fixtureFile } from './drivers-fixture-helpers.ts'
import { fragmentEntities, UNKNOWN_DEVICE } from '../../cli/commands/parse.ts'

const ROOT = new URL('../../', import.meta.url).pathname

function tributary (args: string[], input?: string): { status: number | null, stdout: string, stderr: string } {
  const r = spawnSync(process.execPath, ['bin/tributary.js', 'parse', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 30_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

type Json = Record<string, any>

test('parse cli - show version gives one Device entity in protobuf JSON field names', () => {
  const r = tributary(['--platform', 'cisco_ios', '--command', 'show version', fixtureFile('cisco_ios', 'show version')])
  assert.equal(r.status, 0, r.stderr)
  const entities = JSON.parse(r.stdout) as Json[]
  assert.equal(entities.length, 1)
  const d = entities[0].device
  assert.equal(d.name, 'edge-sw1')
  assert.equal(d.serial, 'FOC2333X0AB')
  assert.deepEqual(d.device_type, { manufacturer: { name: 'Cisco' }, model: 'C9300-48P' })
  assert.equal(d.platform.name, 'Cisco IOS-XE 17.3.4')
  assert.match(entities[0].timestamp, /^\d{4}-\d\d-\d\dT/)
})

test('parse cli - show interfaces (abbreviated) gives Interfaces of device "unknown", and no Device', () => {
  const r = tributary(['-p', 'cisco_ios', '-c', 'sh int', fixtureFile('cisco_ios', 'show interfaces')])
  assert.equal(r.status, 0, r.stderr)
  const entities = JSON.parse(r.stdout) as Json[]
  assert.ok(entities.every((e) => e.interface !== undefined), 'only interfaces')
  assert.equal(entities.length, 12)
  const gi2 = entities.find((e) => e.interface.name === 'GigabitEthernet1/0/2')?.interface as Json
  assert.deepEqual(gi2.device, { name: UNKNOWN_DEVICE, site: { name: 'tributary' } })
  assert.equal(gi2.type, '1000base-t')
  assert.equal(gi2.mtu, '9198')
  assert.equal(gi2.speed, '1000000')
  assert.equal(gi2.mac_address, '70:D3:79:AA:BB:82')
  assert.deepEqual(gi2.lag, { name: 'Port-channel1', device: { name: UNKNOWN_DEVICE, site: { name: 'tributary' } } })
})

test('parse cli - an address command from stdin gives IP addresses assigned to their interfaces, with VRFs and prefixes', () => {
  const input = readFileSync(fixtureFile('cisco_nxos', 'show ip interface vrf all | json'), 'utf8')
  const r = tributary(['--platform', 'cisco_nxos', '--command', 'show ip interface vrf all | json', '--site', 'dc1', '-'], input)
  assert.equal(r.status, 0, r.stderr)
  const entities = JSON.parse(r.stdout) as Json[]
  const ips = entities.filter((e) => e.ip_address !== undefined).map((e) => e.ip_address)
  assert.equal(ips.length, 5)
  const mgmt = ips.find((ip) => ip.address === '192.0.2.21/24')
  assert.deepEqual(mgmt.assigned_object_interface, { name: 'mgmt0', device: { name: UNKNOWN_DEVICE, site: { name: 'dc1' } } })
  assert.equal(mgmt.vrf.name, 'management')
  assert.ok(entities.some((e) => e.prefix?.prefix === '10.100.0.0/24' && e.prefix.vrf?.name === 'tenant-a'))
  assert.equal(entities.filter((e) => e.device !== undefined).length, 0)
})

test('parse cli - unknown platform and unparseable command exit 2 and list what is supported', () => {
  const p = tributary(['--platform', 'cisco_ioz', '--command', 'show version', '/dev/null'])
  assert.equal(p.status, 2)
  assert.match(p.stderr, /unknown platform "cisco_ioz"; platforms: .*cisco_ios.*juniper_junos/)
  const c = tributary(['--platform', 'juniper_junos', '--command', 'show bgp summary', '/dev/null'])
  assert.equal(c.status, 2)
  assert.match(c.stderr, /juniper_junos cannot parse "show bgp summary"; commands it parses:\n {2}show version \| display json/)
  const u = tributary(['--command', 'show version'])
  assert.equal(u.status, 2)
  assert.match(u.stderr, /--platform is required/)
})

test('parse cli - --raw prints the parsed fragment, neighbours included; --help has an example', () => {
  const r = tributary(['-p', 'arista_eos', '-c', 'show lldp neighbors detail | json', '--raw', fixtureFile('arista_eos', 'show lldp neighbors detail | json')])
  assert.equal(r.status, 0, r.stderr)
  assert.equal((JSON.parse(r.stdout) as Json).neighbors[0].remoteSystemName, 'spine1')
  const h = spawnSync(process.execPath, ['bin/tributary.js', 'parse', '--help'], { cwd: ROOT, encoding: 'utf8' })
  assert.equal(h.status, 0)
  assert.match(h.stdout, /Usage: tributary parse --platform PLATFORM --command "COMMAND" \[FILE\|-\]/)
  assert.match(h.stdout, /Example:\n {2}ssh admin@sw1/)
})

test('parse cli - mapping: interfaces only an address names are assigned but not printed', () => {
  const entities = fragmentEntities({ addresses: [{ address: '10.9.9.1/24', interface: 'Vlan9' }] }, {}, new Date(0))
  assert.equal(entities.filter((e) => e.interface != null).length, 0)
  const ip = entities.find((e) => e.ip_address != null)?.ip_address
  assert.equal(ip?.assigned_object_interface?.name, 'Vlan9')
  assert.equal(entities.filter((e) => e.device != null).length, 0)
  assert.equal(entities.filter((e) => e.prefix != null).length, 1)
})
