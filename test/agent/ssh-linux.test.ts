import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { createServer } from 'node:net'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { createLogger } from '../../config/index.ts'
import { parse as parseYaml } from 'yaml'
import { collectSsh, connectSsh, mergeFragments, startSshSimulator, DRIVERS, type SshSimulator } from '../../agent/ssh/index.ts'
import { linux } from '../../agent/ssh/drivers/linux.ts'
import { toCidr } from '../../agent/ssh/parse/ip.ts'

const FIX = new URL('../fixtures/ssh/linux/', import.meta.url).pathname
const fixture = async (name: string): Promise<string> => await readFile(join(FIX, name), 'utf8')
const CORPUS = '/work/shared/corpus/ntc/linux'

// ---- parsers, on fixtures -------------------------------------------------------------------

test('ssh linux - ip -j -d addr show: bonds, VLANs, VRFs, bridges, tunnels and addresses', async () => {
  const f = linux.parseCommand('ip -j -d addr show', await fixture('ip_-j_-d_addr_show.json'))
  const byName = new Map(f.interfaces!.map((i) => [i.name, i]))
  assert.deepEqual([...byName.keys()], ['eno1', 'eno2', 'eno3', 'eno4', 'bond0', 'bond0.120', 'docker0', 'wg0'], 'lo and the VRF device are not interfaces')
  assert.deepEqual(byName.get('eno1'), { name: 'eno1', enabled: true, operUp: true, mtu: 9000, mac: '3c:ec:ef:10:20:01', lag: 'bond0' })
  assert.equal(byName.get('eno2')!.lag, 'bond0')
  assert.equal(byName.get('eno3')!.vrf, 'vrf-mgmt')
  assert.deepEqual({ enabled: byName.get('eno4')!.enabled, operUp: byName.get('eno4')!.operUp }, { enabled: false, operUp: false })
  assert.deepEqual(byName.get('bond0'), { name: 'bond0', type: 'lag', enabled: true, operUp: true, mtu: 9000, mac: '3c:ec:ef:10:20:01', mode: 'tagged', taggedVlans: [120] })
  assert.deepEqual(byName.get('bond0.120'), { name: 'bond0.120', type: 'virtual', enabled: true, operUp: true, mtu: 9000, mac: '3c:ec:ef:10:20:01', parent: 'bond0', mode: 'access', untaggedVlan: 120 })
  assert.deepEqual({ type: byName.get('docker0')!.type, operUp: byName.get('docker0')!.operUp }, { type: 'bridge', operUp: false })
  assert.deepEqual(byName.get('wg0'), { name: 'wg0', type: 'virtual', enabled: true, operUp: true, mtu: 1420 })
  assert.deepEqual(f.addresses, [
    { address: '10.250.0.21/24', interface: 'eno3', status: 'active', vrf: 'vrf-mgmt' },
    { address: '198.51.100.21/24', interface: 'bond0', status: 'active' },
    { address: '198.51.100.22/24', interface: 'bond0', status: 'active', role: 'secondary' },
    { address: '2001:db8:100::21/64', interface: 'bond0', status: 'active' },
    { address: 'fe80::3eec:efff:fe10:2001/64', interface: 'bond0', status: 'active' },
    { address: '203.0.113.21/25', interface: 'bond0.120', status: 'dhcp' },
    { address: '172.17.0.1/16', interface: 'docker0', status: 'active' },
    { address: '10.99.0.1/24', interface: 'wg0', status: 'active' }
  ])
  assert.deepEqual(f.vlans, [{ vid: 120 }])
  assert.deepEqual(f.vrfs, [{ name: 'vrf-mgmt' }])
})

test('ssh linux - the text form of ip -d addr show (old iproute2) reads the same as the JSON form', async () => {
  const json = linux.parseCommand('ip -j -d addr show', await fixture('ip_-j_-d_addr_show.json'))
  const text = linux.parseCommand('ip -d addr show', await fixture('ip_-d_addr_show.txt'))
  assert.ok((json.interfaces ?? []).length > 0)
  assert.deepEqual(text, json)
  assert.equal(linux.fallbacks?.['ip -j -d addr show'], 'ip -d addr show')
})

test('ssh linux - ntc corpus ip address/link samples (iproute2 and BusyBox text) give their interfaces, MACs, MTUs and addresses', { skip: !existsSync(CORPUS) }, () => {
  let checked = 0
  for (const sub of ['ip_address_show', 'ip_link_show']) {
    for (const raw of readdirSync(join(CORPUS, sub)).filter((n) => n.endsWith('.raw'))) {
      const text = readFileSync(join(CORPUS, sub, raw), 'utf8')
      const want = (parseYaml(readFileSync(join(CORPUS, sub, raw.replace(/\.raw$/, '.yml')), 'utf8')) as { parsed_sample: Array<Record<string, unknown>> }).parsed_sample
      const got = linux.parseCommand(sub === 'ip_address_show' ? 'ip addr show' : 'ip link show', text)
      for (const row of want) {
        const name = String(row.interface)
        const flags = String(row.flags).split(',')
        if (name === 'lo' || (flags.includes('MASTER') && flags.includes('NOARP'))) continue
        const iface = got.interfaces?.find((i) => i.name === name)
        assert.ok(iface !== undefined, `${raw}: ${name} missing`)
        assert.equal(iface.mtu, Number(row.mtu), `${raw}: ${name} mtu`)
        assert.equal(iface.enabled, flags.includes('UP'), `${raw}: ${name} enabled`)
        const mac = String(row.mac_address ?? '')
        if (mac !== '' && mac !== '00:00:00:00:00:00') assert.equal(iface.mac, mac.toLowerCase(), `${raw}: ${name} mac`)
        const v4 = (row.ip_addresses as string[] | undefined) ?? []
        const v6 = (row.ipv6_addresses as string[] | undefined) ?? []
        const masks4 = (row.ip_masks as string[] | undefined) ?? []
        const masks6 = (row.ipv6_masks as string[] | undefined) ?? []
        for (const [i, a] of v4.entries()) assert.ok(got.addresses?.some((x) => x.address === `${a}/${masks4[i]}` && x.interface === name), `${raw}: ${a}/${masks4[i]} on ${name}`)
        for (const [i, a] of v6.entries()) {
          const want6 = toCidr(a, Number(masks6[i]))
          assert.ok(got.addresses?.some((x) => x.interface === name && x.address === want6), `${raw}: ${a}/${masks6[i]} on ${name}`)
        }
        checked++
      }
    }
  }
  assert.ok(checked >= 8, `checked ${checked} interfaces`)
})

test('ssh linux - host facts: hostname, os-release, kernel, DMI with placeholders dropped, sysfs speeds', async () => {
  assert.deepEqual(linux.parseCommand('hostname', 'srv1.dc1.example.net\n'), { hostname: 'srv1.dc1.example.net' })
  assert.deepEqual(linux.parseCommand('cat /etc/os-release', await fixture('os-release.txt')), { osFamily: 'linux', platform: 'Ubuntu 22.04', osVersion: '22.04' })
  assert.deepEqual(linux.parseCommand('uname -r', '5.15.0-105-generic\n'), { description: 'Linux 5.15.0-105-generic' })
  assert.deepEqual(linux.parseCommand('cat /sys/class/dmi/id/sys_vendor', 'Supermicro\n'), { manufacturer: 'Supermicro' })
  assert.deepEqual(linux.parseCommand('cat /sys/class/dmi/id/product_name', 'SYS-1029P-WTR\n'), { model: 'SYS-1029P-WTR' })
  assert.deepEqual(linux.parseCommand('cat /sys/class/dmi/id/product_serial', 'S314159X9A26535\n'), { serial: 'S314159X9A26535' })
  for (const junk of ['To Be Filled By O.E.M.\n', 'Default string\n', 'System Serial Number\n', '0123456789\n', '\n']) {
    assert.deepEqual(linux.parseCommand('cat /sys/class/dmi/id/product_serial', junk), {}, junk)
  }
  const sysfs = linux.commands.find((c) => c.startsWith('grep '))!
  const f = linux.parseCommand(sysfs, await fixture('sysfs-links.txt'))
  const by = new Map(f.interfaces!.map((i) => [i.name, i]))
  assert.deepEqual(by.get('eno1'), { name: 'eno1', speedKbps: 10_000_000, duplex: 'full', type: '10gbase-x-sfpp' })
  assert.deepEqual(by.get('eno3'), { name: 'eno3', speedKbps: 1_000_000, duplex: 'full', type: '1000base-t' })
  assert.deepEqual(by.get('bond0'), { name: 'bond0', speedKbps: 20_000_000, duplex: 'full' }, 'a bond is not typed by its speed')
  assert.equal(by.get('eno4'), undefined, 'no speed, no duplex: nothing to say')
})

test('ssh linux - lldpctl -f json with one and with several neighbours', async () => {
  const two = linux.parseCommand('lldpctl -f json', await fixture('lldpctl-two.json'))
  assert.deepEqual(two.neighbors, [
    { protocol: 'lldp', localInterface: 'eno1', remoteSystemName: 'leaf1.dc1', remoteChassisId: '00:1c:73:aa:bb:cc', remoteManagementAddress: '10.250.0.2', remotePlatform: 'Arista Networks EOS version 4.31.2F running on an Arista Networks DCS-7050SX3-48YC8', remotePort: 'Ethernet12', remotePortDescription: 'srv1 eno1' },
    { protocol: 'lldp', localInterface: 'eno2', remoteSystemName: 'leaf2.dc1', remoteChassisId: '00:1c:73:dd:ee:ff', remoteManagementAddress: '10.250.0.3', remotePlatform: 'Arista Networks EOS version 4.31.2F running on an Arista Networks DCS-7050SX3-48YC8', remotePort: 'Ethernet12', remotePortDescription: 'srv1 eno2' }
  ])
  const one = linux.parseCommand('lldpctl -f json', await fixture('lldpctl-one.json'))
  assert.deepEqual(one.neighbors, [
    { protocol: 'lldp', localInterface: 'eno3', remoteChassisId: '58:8d:09:12:34:56', remoteManagementAddress: '10.250.0.1', remotePlatform: 'Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8', remotePort: 'Gi1/0/24', remotePortDescription: 'GigabitEthernet1/0/24' }
  ])
  assert.deepEqual(linux.parseCommand('lldpctl -f json', 'lldpctl: command not found'), {})
})

test('ssh linux - all fragments merge into one device; the address command wins over sysfs on types', async () => {
  const sysfs = linux.commands.find((c) => c.startsWith('grep '))!
  const device = mergeFragments('192.0.2.21', [
    linux.parseCommand('hostname', 'srv1\n'),
    linux.parseCommand('cat /etc/os-release', await fixture('os-release.txt')),
    linux.parseCommand('uname -r', '5.15.0-105-generic\n'),
    linux.parseCommand('ip -j -d addr show', await fixture('ip_-j_-d_addr_show.json')),
    linux.parseCommand(sysfs, await fixture('sysfs-links.txt')),
    linux.parseCommand('lldpctl -f json', await fixture('lldpctl-two.json'))
  ])
  assert.equal(device.source, 'ssh')
  assert.equal(device.target, '192.0.2.21')
  assert.equal(device.hostname, 'srv1')
  assert.equal(device.platform, 'Ubuntu 22.04')
  const bond = device.interfaces.find((i) => i.name === 'bond0')!
  assert.equal(bond.type, 'lag')
  assert.equal(bond.speedKbps, 20_000_000)
  assert.equal(device.interfaces.find((i) => i.name === 'eno1')!.type, '10gbase-x-sfpp')
  assert.equal(device.interfaces.length, 8)
  assert.equal(device.addresses.length, 8)
  assert.equal(device.neighbors.length, 2)
})

// ---- the real OpenSSH server ------------------------------------------------------------------

const SSHD = '/usr/sbin/sshd'
const haveSshd = existsSync(SSHD) && process.getuid?.() === 0
let dir: string
let sshd: ChildProcess | undefined
let port: number
let user: string
let hostPub: string
const PASSWORD = `Linux-Login-Pw-${randomBytes(4).toString('hex')}`
const PASSPHRASE = `Key-Passphrase-${randomBytes(4).toString('hex')}`
let privateKey: string

async function freePort (): Promise<number> {
  const srv = createServer()
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  const p = (srv.address() as { port: number }).port
  await new Promise<void>((resolve) => srv.close(() => resolve()))
  return p
}

async function rejection (p: Promise<unknown>): Promise<Error & { code: string }> {
  try { await p } catch (err) { return err as Error & { code: string } }
  assert.fail('expected a rejection')
}

before(async () => {
  if (!haveSshd) return
  dir = await mkdtemp(join(tmpdir(), 'tributary-sshd-'))
  user = `trib${randomBytes(3).toString('hex')}`
  execFileSync('useradd', ['-m', '-s', '/bin/bash', user])
  execFileSync('chpasswd', { input: `${user}:${PASSWORD}\n` })
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_ed25519')])
  // Few KDF rounds (-a 4) keep the test quick; the key is still passphrase-protected.
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-a', '4', '-N', PASSPHRASE, '-C', 'tributary-test', '-f', join(dir, 'id_ed25519')])
  privateKey = await readFile(join(dir, 'id_ed25519'), 'utf8')
  hostPub = (await readFile(join(dir, 'host_ed25519.pub'), 'utf8')).trim().split(/\s+/).slice(0, 2).join(' ')
  // sshd reads AuthorizedKeysFile as the user: the folder and file must be readable to it.
  await chmod(dir, 0o755)
  await writeFile(join(dir, 'authorized_keys'), await readFile(join(dir, 'id_ed25519.pub')), { mode: 0o644 })
  await mkdir('/run/sshd', { recursive: true })
  port = await freePort()
  // A private sshd: own port, host key, authorized_keys and user; the system sshd is never touched.
  await writeFile(join(dir, 'sshd_config'), [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${join(dir, 'host_ed25519')}`, 'PidFile none', 'UsePAM no',
    'PasswordAuthentication yes', 'KbdInteractiveAuthentication no', 'PubkeyAuthentication yes',
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`, 'StrictModes no', `AllowUsers ${user}`, 'AllowTcpForwarding yes',
    'LogLevel VERBOSE', ''
  ].join('\n'))
  sshd = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] })
  await new Promise<void>((resolve, reject) => {
    let log = ''
    const t = setTimeout(() => reject(new Error(`sshd did not start: ${log}`)), 10_000)
    sshd!.stderr!.on('data', (b: Buffer) => {
      log += b.toString()
      if (log.includes('Server listening on')) { clearTimeout(t); resolve() }
    })
    sshd!.once('exit', (code) => { clearTimeout(t); reject(new Error(`sshd exited with ${code}: ${log}`)) })
  })
})

after(async () => {
  if (sshd !== undefined && sshd.exitCode === null) {
    const exited = new Promise((resolve) => sshd!.once('exit', resolve))
    sshd.kill('SIGTERM')
    await exited
  }
  if (user !== undefined) {
    try { execFileSync('pkill', ['-KILL', '-u', user]) } catch { /* no processes left */ }
    execFileSync('userdel', ['-r', '-f', user], { stdio: 'ignore' })
  }
  if (dir !== undefined) await rm(dir, { recursive: true, force: true })
})

function localFacts () {
  const links = JSON.parse(execFileSync('ip', ['-j', 'addr', 'show'], { encoding: 'utf8' })) as Array<{ ifname: string, address?: string, link_type: string, addr_info: Array<{ local: string, prefixlen: number, scope: string }> }>
  const real = links.filter((l) => l.link_type !== 'loopback')
  const osRelease = readFileSync('/etc/os-release', 'utf8')
  const field = (k: string): string | undefined => osRelease.split('\n').map((l) => l.split('=')).find(([key]) => key === k)?.[1]?.replace(/^"|"$/g, '')
  return {
    names: real.map((l) => l.ifname),
    macs: Object.fromEntries(real.filter((l) => l.address !== undefined).map((l) => [l.ifname, l.address])),
    addresses: real.flatMap((l) => l.addr_info.filter((a) => a.scope !== 'host').map((a) => `${a.local}/${a.prefixlen}`)),
    platform: `${field('NAME')!} ${field('VERSION_ID')!}`
  }
}

test('ssh linux - OpenSSH on loopback, key auth with a passphrase, strict host key: a complete device over exec', { skip: !haveSshd }, async () => {
  const knownHosts = join(dir, 'known_hosts_strict')
  await writeFile(knownHosts, `[127.0.0.1]:${port} ${hostPub}\n`)
  const lines: string[] = []
  const logger = createLogger({ level: 'debug', destination: new Writable({ write (c, _e, cb) { lines.push(String(c)); cb() } }) })
  const result = await collectSsh({
    host: '127.0.0.1', port, platform: 'linux', hostKeyPolicy: 'strict', knownHostsFile: knownHosts,
    credentials: [{ username: user, privateKey, passphrase: PASSPHRASE }], commandTimeout: 5000
  }, { logger })
  await new Promise((resolve) => setImmediate(resolve))
  const logged = lines.join('')
  assert.match(logged, /ssh authenticated/)
  const keyBody = privateKey.split('\n')[1]
  for (const secret of [PASSPHRASE, keyBody]) assert.ok(!logged.includes(secret), 'the passphrase and key never reach the log')
  const want = localFacts()
  const d = result.device
  assert.equal(result.platform, 'linux')
  assert.equal(d.hostname, hostname())
  assert.equal(d.platform, want.platform)
  assert.equal(d.osFamily, 'linux')
  assert.match(d.description ?? '', /^Linux \d+\.\d+/)
  assert.deepEqual(d.interfaces.map((i) => i.name).sort(), [...want.names].sort())
  for (const [name, mac] of Object.entries(want.macs)) assert.equal(d.interfaces.find((i) => i.name === name)!.mac, mac)
  assert.deepEqual(d.addresses.map((a) => a.address).sort(), [...want.addresses].sort())
  assert.deepEqual(result.warnings, [], 'only optional commands (DMI, lldpctl) may fail')
})

test('ssh linux - OpenSSH password auth with accept-new records the key; strict then accepts; auto-detection picks linux', { skip: !haveSshd }, async () => {
  const knownHosts = join(dir, 'known_hosts_accept_new')
  const result = await collectSsh({
    host: '127.0.0.1', port, hostKeyPolicy: 'accept-new', knownHostsFile: knownHosts,
    credentials: [{ username: user, password: 'definitely-wrong' }, { username: user, password: PASSWORD }], commandTimeout: 5000
  })
  assert.equal(result.credentialIndex, 1)
  assert.equal(result.platform, 'linux')
  assert.notEqual(result.detectedBy, 'configured')
  assert.equal(result.device.hostname, hostname())
  assert.equal((await readFile(knownHosts, 'utf8')).trim(), `[127.0.0.1]:${port} ${hostPub}`)
  const again = await collectSsh({
    host: '127.0.0.1', port, platform: 'linux', hostKeyPolicy: 'strict', knownHostsFile: knownHosts,
    credentials: [{ username: user, password: PASSWORD }]
  }, { drivers: DRIVERS })
  assert.equal(again.device.hostname, hostname())
})

test('ssh linux - OpenSSH: unknown host key under strict, wrong passphrase and wrong password are told apart', { skip: !haveSshd }, async () => {
  const empty = join(dir, 'known_hosts_empty')
  const hk = await rejection(connectSsh({ host: '127.0.0.1', port, credential: { username: user, password: PASSWORD }, knownHostsFile: empty }))
  assert.equal(hk.code, 'ERR_SSH_HOST_KEY')
  const knownHosts = join(dir, 'known_hosts_strict')
  const key = await rejection(connectSsh({ host: '127.0.0.1', port, credential: { username: user, privateKey, passphrase: 'wrong-passphrase' }, knownHostsFile: knownHosts }))
  assert.equal(key.code, 'ERR_SSH_KEY')
  assert.doesNotMatch(key.message, /wrong-passphrase|PRIVATE KEY/)
  const pw = await rejection(connectSsh({ host: '127.0.0.1', port, credential: { username: user, password: 'not-it' }, knownHostsFile: knownHosts }))
  assert.equal(pw.code, 'ERR_SSH_AUTH')
  assert.match(pw.message, new RegExp(user))
})

test('ssh linux - a jump host (OpenSSH) forwards to a simulated device', { skip: !haveSshd }, async () => {
  let sim: SshSimulator | undefined
  try {
    sim = await startSshSimulator({ devices: [{ name: 'behind1', platform: 'cisco_ios', username: 'netops', password: 'Behind-1-pw', prompt: 'behind1', commands: { 'show clock': '10:00:00.000 UTC Fri Nov 27 2026' } }] })
    const knownHosts = join(dir, 'known_hosts_jump')
    await writeFile(knownHosts, `[127.0.0.1]:${port} ${hostPub}\n[127.0.0.1]:${sim.devices[0].port} ${sim.devices[0].hostPublicKey}\n`)
    const s = await connectSsh({
      host: '127.0.0.1', port: sim.devices[0].port, credential: { username: 'netops', password: 'Behind-1-pw' }, knownHostsFile: knownHosts,
      jumpHost: { host: '127.0.0.1', port, credential: { username: user, privateKey, passphrase: PASSPHRASE } }
    })
    try {
      assert.equal(await (await s.openShell()).run('show clock'), '10:00:00.000 UTC Fri Nov 27 2026')
    } finally {
      await s.close()
    }
    const bad = await rejection(connectSsh({
      host: '127.0.0.1', port: sim.devices[0].port, credential: { username: 'netops', password: 'Behind-1-pw' }, knownHostsFile: knownHosts,
      jumpHost: { host: '127.0.0.1', port, credential: { username: user, password: 'wrong' } }
    }))
    assert.equal(bad.code, 'ERR_SSH_AUTH')
    assert.match(bad.message, new RegExp(`127\\.0\\.0\\.1:${port}`), 'the error names the jump host')
  } finally {
    await sim?.stop()
  }
})
