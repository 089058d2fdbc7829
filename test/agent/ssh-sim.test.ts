import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  collectSsh, detectPlatform, loadSimulatedDevices, startSshSimulator, DRIVERS,
  type Driver, type SimulatedDevice, type SshSimulator
} from '../../agent/ssh/index.ts'
import type { SshTargetSettings } from '../../agent/model.ts'

const LAB = new URL('../../lab/ssh/', import.meta.url).pathname
let lab: SimulatedDevice[]
let sim: SshSimulator
let dir: string
let knownHosts: string

function settings (name: string, extra: Partial<SshTargetSettings> = {}): SshTargetSettings {
  const dev = lab.find((d) => d.name === name)!
  return {
    host: '127.0.0.1',
    port: sim.devices.find((d) => d.name === name)!.port,
    credentials: [{ username: dev.username, password: dev.password, enableSecret: dev.enableSecret }],
    hostKeyPolicy: 'strict',
    knownHostsFile: knownHosts,
    timeout: 5000,
    commandTimeout: 5000,
    idleTimeout: 5000,
    ...extra
  }
}

before(async () => {
  lab = await loadSimulatedDevices(LAB)
  sim = await startSshSimulator({ devices: lab })
  dir = await mkdtemp(join(tmpdir(), 'tributary-ssh-sim-'))
  knownHosts = join(dir, 'known_hosts')
  await writeFile(knownHosts, sim.devices.map((d) => `[127.0.0.1]:${d.port} ${d.hostPublicKey}\n`).join(''))
})

after(async () => {
  await sim.stop()
  await rm(dir, { recursive: true, force: true })
})

test('ssh sim - the lab folder loads every device with its command outputs read from the files beside it', () => {
  assert.deepEqual(lab.map((d) => d.name), ['ex1', 'leaf1', 'pe1', 'r1', 'spine1', 'srv1', 'sw2'])
  for (const dev of lab) {
    const driver = DRIVERS[dev.platform]
    assert.ok(driver !== undefined, `${dev.name}: platform ${dev.platform}`)
    for (const command of driver.commands) assert.ok(dev.commands[command] !== undefined, `${dev.name} answers "${command}"`)
  }
  assert.match(lab.find((d) => d.name === 'leaf1')!.commands['show version | json'], /"modelName": "DCS-7050SX3-48YC8-F"/)
})

test('ssh sim - definition errors name the file and the dotted path of the bad key', async () => {
  const bad = join(dir, 'bad')
  await mkdir(bad)
  await writeFile(join(bad, 'x.yaml'), 'name: x\nplatform: cisco_ios\nusername: a\npassword: b\nprompt: x\ncommandFiles:\n  show version: missing.txt\n')
  await assert.rejects(loadSimulatedDevices(bad), (err: Error & { code: string }) => {
    assert.equal(err.code, 'ERR_SSH_INVALID_ARG')
    assert.match(err.message, /x\.yaml: commandFiles\.show version: cannot read/)
    return true
  })
  await writeFile(join(bad, 'x.yaml'), 'name: x\nplatform: cisco_ios\nusername: a\npassword: b\nprompt: x\npageLine: 3\n')
  await assert.rejects(loadSimulatedDevices(bad), /x\.yaml: pageLine: unknown key/)
  await writeFile(join(bad, 'x.yaml'), 'name: x\nplatform: cisco_ios\npassword: b\nprompt: x\n')
  await assert.rejects(loadSimulatedDevices(bad), /x\.yaml: username: is required/)
})

const EXPECT: Record<string, { platform: string, hostname: string, model: string, serial: string, minInterfaces: number, vlans: number[], address: string, inventory: string }> = {
  r1: { platform: 'cisco_ios', hostname: 'r1', model: 'C9300-24T', serial: 'FOC2331X0AB', minInterfaces: 30, vlans: [10, 20, 30], address: '10.0.1.2/30', inventory: 'C9300-NM-8X' },
  leaf1: { platform: 'arista_eos', hostname: 'leaf1', model: 'DCS-7050SX3-48YC8-F', serial: 'JPE21104312', minInterfaces: 50, vlans: [100, 200, 300], address: '10.20.100.1/24', inventory: 'PWR-500AC-F' },
  ex1: { platform: 'juniper_junos', hostname: 'ex1', model: 'ex4300-48t', serial: 'PE3716090123', minInterfaces: 10, vlans: [10, 20, 40], address: '10.40.0.1/24', inventory: '740-021308' },
  // IOS XR has no VLAN table: its VLANs live on subinterfaces
  pe1: { platform: 'cisco_xr', hostname: 'pe1', model: 'ASR-9006-AC-V2', serial: 'FOX1746GHJK', minInterfaces: 10, vlans: [], address: '10.50.0.1/24', inventory: 'A9K-24X10GE-SE' },
  spine1: { platform: 'cisco_nxos', hostname: 'spine1', model: 'N9K-C93180YC-EX', serial: 'FDO21120U8N', minInterfaces: 10, vlans: [100, 200], address: '10.30.200.1/24', inventory: 'NXA-PAC-650W-PE' },
  // the hp_procurve driver reads no inventory command
  sw2: { platform: 'hp_procurve', hostname: 'sw2', model: 'JL258A', serial: 'CN73HPX0AB', minInterfaces: 11, vlans: [10, 20], address: '10.10.10.3/24', inventory: '' },
  srv1: { platform: 'linux', hostname: 'srv1', model: 'SYS-1029P-WTR', serial: 'S314159X9A26535', minInterfaces: 8, vlans: [120], address: '203.0.113.21/25', inventory: '' }
}

for (const name of Object.keys(EXPECT)) {
  test(`ssh sim - ${name}: the ${EXPECT[name].platform} driver over the session layer yields a complete device`, async () => {
    const want = EXPECT[name]
    const result = await collectSsh(settings(name, { platform: want.platform }))
    const d = result.device
    assert.equal(result.platform, want.platform)
    assert.equal(result.detectedBy, 'configured')
    assert.deepEqual(result.warnings, [], 'every driver command answered and parsed')
    assert.equal(d.hostname, want.hostname)
    assert.equal(d.model?.toUpperCase(), want.model.toUpperCase())
    assert.equal(d.serial, want.serial)
    assert.ok(d.platform !== undefined && d.platform !== '')
    assert.ok(d.interfaces.length >= want.minInterfaces, `${d.interfaces.length} interfaces`)
    for (const vid of want.vlans) assert.ok(d.vlans.some((v) => v.vid === vid), `VLAN ${vid}`)
    assert.ok(d.addresses.some((a) => a.address === want.address && a.interface !== undefined), `address ${want.address}`)
    if (want.inventory !== '') assert.ok(d.inventory.some((i) => i.partId === want.inventory), `inventory ${want.inventory}`)
    assert.ok(d.neighbors.length > 0, 'LLDP/CDP neighbours')
  })
}

test('ssh sim - the preferred credential is tried first; an auth failure moves on to the next', async () => {
  const good = { username: 'admin', password: 'lab-admin', enableSecret: 'lab-enable' }
  const bad = { username: 'olduser', password: 'expired-pw' }
  let before = sim.logins('r1').length
  const first = await collectSsh({ ...settings('r1', { platform: 'cisco_ios' }), credentials: [bad, good] })
  assert.equal(first.credentialIndex, 1)
  assert.deepEqual([...new Set(sim.logins('r1').slice(before).map((l) => l.split(':')[1]))], ['olduser', 'admin'])
  before = sim.logins('r1').length
  const again = await collectSsh({ ...settings('r1', { platform: 'cisco_ios' }), credentials: [bad, good] }, { preferredCredential: 1 })
  assert.equal(again.credentialIndex, 1)
  assert.deepEqual([...new Set(sim.logins('r1').slice(before).map((l) => l.split(':')[1]))], ['admin'], 'the remembered credential goes first')
})

test('ssh sim - r1: the IOS driver enters enable mode before its privileged show commands', async () => {
  const before = sim.received('r1').length
  await collectSsh(settings('r1', { platform: 'cisco_ios' }))
  const sent = sim.received('r1').slice(before)
  assert.ok(sent.indexOf('enable') !== -1)
  assert.ok(sent.indexOf('enable') < sent.indexOf('show inventory'))
  // without the secret the device cannot be read: the target fails with ERR_SSH_ENABLE
  const noSecret = settings('r1', { platform: 'cisco_ios' })
  noSecret.credentials = [{ username: 'admin', password: 'lab-admin' }]
  await assert.rejects(collectSsh(noSecret), { code: 'ERR_SSH_ENABLE' })
})

test('ssh sim - auto-detection picks the right driver for every lab device, sending only read-only commands', async () => {
  for (const name of Object.keys(EXPECT)) {
    const before = sim.received(name).length
    const result = await collectSsh(settings(name))
    assert.equal(result.platform, EXPECT[name].platform, name)
    assert.notEqual(result.detectedBy, 'configured')
    assert.equal(result.device.hostname, EXPECT[name].hostname)
    const sent = sim.received(name).slice(before)
    for (const command of sent) {
      // terminal / set cli / no page change this session's paging and width only, never the configuration
      assert.match(command, /^(show |terminal |set cli |no page$|enable$|uname |hostname$|cat |ip |grep |lldpctl )/, `${name}: "${command}" is not read-only`)
    }
  }
})

test('ssh sim - detection evidence: the Junos MOTD suffices, IOS and EOS need "show version", Linux answers "uname -a"', async () => {
  const by = async (name: string): Promise<string> => (await collectSsh(settings(name))).detectedBy
  assert.equal(await by('ex1'), 'prompt')
  assert.equal(await by('spine1'), 'prompt', 'the NX-OS login MOTD names it')
  assert.equal(await by('r1'), 'show version')
  assert.equal(await by('leaf1'), 'show version')
  assert.equal(await by('pe1'), 'show version')
  assert.equal(await by('sw2'), 'prompt', 'past "Press any key", the MOTD names the Aruba model')
  assert.equal(await by('srv1'), 'prompt', 'Ubuntu\'s MOTD names GNU/Linux')
  const quiet: SimulatedDevice = { ...lab.find((d) => d.name === 'srv1')!, name: 'srv2', motd: undefined }
  const s2 = await startSshSimulator({ devices: [quiet] })
  try {
    const r = await collectSsh({ ...settings('srv1', { hostKeyPolicy: 'off' }), port: s2.devices[0].port })
    assert.equal(r.platform, 'linux')
    assert.equal(r.detectedBy, 'uname -a')
    assert.deepEqual(s2.received('srv2').slice(0, 3), ['show version', 'show system information', 'uname -a'])
  } finally {
    await s2.stop()
  }
})

test('ssh sim - a device no driver recognises is ERR_SSH_DETECT naming what was tried', async () => {
  const odd: SimulatedDevice = { name: 'odd1', platform: 'cisco_ios', username: 'u', password: 'p', prompt: 'odd1', commands: { 'show version': 'FrobOS 1.0 on a Frobnicator 9000' } }
  const s2 = await startSshSimulator({ devices: [odd] })
  try {
    await assert.rejects(collectSsh({ host: '127.0.0.1', port: s2.devices[0].port, hostKeyPolicy: 'off', credentials: [{ username: 'u', password: 'p' }] }), (err: Error & { code: string }) => {
      assert.equal(err.code, 'ERR_SSH_DETECT')
      assert.match(err.message, /show version: not recognised/)
      assert.match(err.message, /uname -a: rejected/)
      assert.match(err.message, /arista_eos, cisco_nxos, cisco_xr, cisco_ios/)
      return true
    })
  } finally {
    await s2.stop()
  }
})

test('ssh sim - detectPlatform asks drivers in the configured order', () => {
  const yes = (name: string): Driver => ({ ...DRIVERS.linux, name, detect: () => true })
  const drivers = { a: yes('a'), b: yes('b'), c: { ...yes('c'), detect: () => false } }
  assert.equal(detectPlatform('anything', { drivers }), 'a')
  assert.equal(detectPlatform('anything', { drivers, order: ['c', 'b'] }), 'b')
  assert.equal(detectPlatform('   ', { drivers }), undefined)
  assert.equal(detectPlatform(lab.find((d) => d.name === 'leaf1')!.commands['show version']), 'arista_eos', 'DRIVERS by default')
})

test('ssh sim - a command that hangs is a warning; the rest of the device is still read on a fresh shell', async () => {
  const hung: SimulatedDevice = { ...lab.find((d) => d.name === 'leaf1')!, name: 'leaf9', hang: ['show vlan | json'] }
  const s2 = await startSshSimulator({ devices: [hung] })
  try {
    const r = await collectSsh({ ...settings('leaf1', { hostKeyPolicy: 'off', commandTimeout: 400 }), port: s2.devices[0].port, platform: 'arista_eos' })
    assert.deepEqual(r.warnings?.map((w) => [w.phase, w.code]), [['show vlan | json', 'ERR_SSH_COMMAND_TIMEOUT']])
    assert.equal(r.device.vlans.length, 0)
    assert.ok(r.device.addresses.length > 0, 'commands after the hung one ran')
    assert.ok(r.device.neighbors.length > 0)
  } finally {
    await s2.stop()
  }
})

test('ssh sim - linux on an old iproute2 (no -j): the driver\'s fallback reads the text form and the device is the same', async () => {
  const srv1 = lab.find((d) => d.name === 'srv1')!
  const { 'ip -j -d addr show': _json, ...rest } = srv1.commands
  const old: SimulatedDevice = { ...srv1, name: 'srv-old', commands: { ...rest, 'ip -d addr show': await readFile(new URL('../fixtures/ssh/linux/ip_-d_addr_show.txt', import.meta.url), 'utf8') } }
  const s2 = await startSshSimulator({ devices: [old] })
  try {
    const viaText = await collectSsh({ ...settings('srv1', { hostKeyPolicy: 'off' }), port: s2.devices[0].port, platform: 'linux' })
    const viaJson = await collectSsh(settings('srv1', { platform: 'linux' }))
    assert.deepEqual(viaText.warnings, [])
    assert.deepEqual(s2.received('srv-old').filter((c) => c.startsWith('ip ')), ['ip -j -d addr show', 'ip -d addr show'])
    assert.deepEqual(viaText.device, viaJson.device)
  } finally {
    await s2.stop()
  }
})

test('ssh sim - a connection dropped mid-collection fails the target with ERR_SSH_DISCONNECTED', async () => {
  const dropping: SimulatedDevice = { ...lab.find((d) => d.name === 'ex1')!, name: 'ex9', dropOn: 'show vlans | display json' }
  const s2 = await startSshSimulator({ devices: [dropping] })
  try {
    await assert.rejects(collectSsh({ ...settings('ex1', { hostKeyPolicy: 'off' }), port: s2.devices[0].port, platform: 'juniper_junos' }), { code: 'ERR_SSH_DISCONNECTED' })
  } finally {
    await s2.stop()
  }
})
