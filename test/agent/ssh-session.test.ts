import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { createHmac, randomBytes } from 'node:crypto'
import ssh2 from 'ssh2'
import { createLogger } from '../../config/index.ts'
import {
  collectSsh, connectSsh, loadSimulatedDevice, startSshSimulator,
  type SimulatedDevice, type SshConnectOptions, type SshSimulator
} from '../../agent/ssh/index.ts'

const FIXTURES = new URL('../fixtures/ssh/', import.meta.url).pathname
let sim: SshSimulator
let edge1: SimulatedDevice
let dir: string
let knownHosts: string
const ports: Record<string, number> = {}

function capture () {
  const lines: string[] = []
  const stream = new Writable({ write (chunk, _enc, cb) { lines.push(String(chunk)); cb() } })
  return { logger: createLogger({ destination: stream, level: 'debug' }), text: () => lines.join('') }
}

/** Connect options for a simulated device, verified strictly against the known_hosts of this run. */
function target (name: string, extra: Partial<SshConnectOptions> = {}): SshConnectOptions {
  return {
    host: '127.0.0.1',
    port: ports[name],
    credential: { username: edge1.username, password: edge1.password, enableSecret: edge1.enableSecret },
    hostKeyPolicy: 'strict',
    knownHostsFile: knownHosts,
    timeout: 3000,
    commandTimeout: 3000,
    idleTimeout: 3000,
    ...extra
  }
}

async function rejection (p: Promise<unknown>): Promise<Error & { code: string }> {
  try {
    await p
  } catch (err) {
    return err as Error & { code: string }
  }
  assert.fail('expected a rejection')
}

before(async () => {
  edge1 = await loadSimulatedDevice(join(FIXTURES, 'edge1.yaml'))
  const pager = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'].map((w, i) => `line ${i + 1}: the ${w} line`).join('\n')
  sim = await startSshSimulator({
    devices: [
      edge1,
      { ...edge1, name: 'edge1-ki', authMethods: ['keyboard-interactive'] },
      { ...edge1, name: 'mx1', platform: 'juniper_junos', prompt: 'mx1', pageLines: 3, promptLine: '{master:0}', commands: { 'show pager': pager } },
      { ...edge1, name: 'sw2', platform: 'hp_procurve', prompt: 'HP-2920-24G', pageLines: 2, commands: { 'show pager': pager } },
      { ...edge1, name: 'host1', platform: 'linux', prompt: 'host1', commands: { 'uname -r': '6.1.0-18-amd64\n' } },
      { ...edge1, name: 'sw3', platform: 'hp_procurve', prompt: 'HP-2530-48G', pressAnyKey: true }
    ]
  })
  for (const d of sim.devices) ports[d.name] = d.port
  dir = await mkdtemp(join(tmpdir(), 'tributary-ssh-session-'))
  knownHosts = join(dir, 'known_hosts')
  await writeFile(knownHosts, sim.devices.map((d) => `[127.0.0.1]:${d.port} ${d.hostPublicKey}\n`).join(''))
})

after(async () => {
  await sim.stop()
  await rm(dir, { recursive: true, force: true })
})

test('ssh session - banner and MOTD (with prompt-like lines) pass, the prompt is found, paged output comes back whole', async () => {
  const s = await connectSsh(target('edge1'))
  try {
    assert.match(s.banner, /Authorised access only/)
    assert.equal(s.serverSoftware, 'Cisco-1.25')
    const shell = await s.openShell()
    assert.equal(shell.prompt, 'edge1>')
    assert.match(shell.greeting, /Maintenance window/)
    const want = edge1.commands['show interfaces description'].trimEnd()
    assert.ok(want.split('\n').length > (edge1.pageLines ?? Infinity), 'fixture must span more than one page')
    assert.equal(await shell.run('show interfaces description'), want)
    assert.equal(await shell.run('show version'), edge1.commands['show version'].trimEnd())
    assert.equal(await shell.run('show clock'), '*21:05:11.204 UTC Fri Nov 27 2026')
  } finally {
    await s.close()
  }
})

test('ssh session - Junos "---(more N%)---" and ProCurve "-- MORE --" pagers (CR and ANSI erasure) are answered', async () => {
  for (const name of ['mx1', 'sw2']) {
    const s = await connectSsh(target(name))
    try {
      const shell = await s.openShell()
      const out = await shell.run('show pager')
      assert.equal(out.split('\n').length, 7, `${name}: ${JSON.stringify(out)}`)
      assert.equal(out.split('\n')[6], 'line 7: the seventh line', 'the {master:0} line above the Junos prompt is not output')
      assert.doesNotMatch(out, /more/i)
    } finally {
      await s.close()
    }
  }
})

test('ssh session - a "Press any key to continue" screen gets one keypress, then the prompt is found', async () => {
  const s = await connectSsh(target('sw3', { idleTimeout: 600 }))
  try {
    const shell = await s.openShell()
    assert.equal(shell.prompt, 'HP-2530-48G>')
    assert.match(shell.greeting, /Maintenance window/)
    assert.equal(await shell.run('show clock'), '*21:05:11.204 UTC Fri Nov 27 2026')
    // ProCurve's enable asks for the manager's user name before the password
    await shell.enable(edge1.enableSecret, 'netops')
    assert.equal(shell.prompt, 'HP-2530-48G#')
    const again = await s.openShell()
    const err = await rejection(again.enable(edge1.enableSecret))
    assert.equal(err.code, 'ERR_SSH_ENABLE')
    assert.match(err.message, /user name/)
  } finally {
    await s.close()
  }
})

test('ssh session - an unknown command is ERR_SSH_COMMAND with the device\'s own error line', async () => {
  const s = await connectSsh(target('edge1'))
  try {
    const shell = await s.openShell()
    const err = await rejection(shell.run('show frobnicator'))
    assert.equal(err.code, 'ERR_SSH_COMMAND')
    assert.match(err.message, /show frobnicator/)
    assert.match(err.message, /% Invalid input detected/)
    // the CLI is still usable afterwards
    assert.equal(await shell.run('show clock'), '*21:05:11.204 UTC Fri Nov 27 2026')
  } finally {
    await s.close()
  }
})

test('ssh session - enable with the right secret reaches # and unlocks privileged commands', async () => {
  const s = await connectSsh(target('edge1'))
  try {
    const shell = await s.openShell()
    assert.equal((await rejection(shell.run('show running-config'))).code, 'ERR_SSH_COMMAND')
    await shell.enable(edge1.enableSecret)
    assert.equal(shell.prompt, 'edge1#')
    assert.match(await shell.run('show running-config'), /^hostname edge1$/m)
  } finally {
    await s.close()
  }
})

test('ssh session - a wrong or missing enable secret is ERR_SSH_ENABLE', async () => {
  const s = await connectSsh(target('edge1'))
  try {
    const shell = await s.openShell()
    const err = await rejection(shell.enable('not-the-secret-7781'))
    assert.equal(err.code, 'ERR_SSH_ENABLE')
    assert.match(err.message, /rejected/)
    assert.match(err.message, /127\.0\.0\.1:\d+/)
    assert.doesNotMatch(err.message, /not-the-secret-7781/)
    const shell2 = await s.openShell()
    const err2 = await rejection(shell2.enable(undefined))
    assert.equal(err2.code, 'ERR_SSH_ENABLE')
    assert.match(err2.message, /none/)
  } finally {
    await s.close()
  }
})

test('ssh session - a command that never returns ends with ERR_SSH_COMMAND_TIMEOUT naming the command', async () => {
  const s = await connectSsh(target('edge1', { commandTimeout: 300, idleTimeout: 5000 }))
  try {
    const shell = await s.openShell()
    const err = await rejection(shell.run('show tech-support'))
    assert.equal(err.code, 'ERR_SSH_COMMAND_TIMEOUT')
    assert.match(err.message, /"show tech-support"/)
    assert.match(err.message, /127\.0\.0\.1:\d+/)
    assert.match(err.message, /300 ms/)
    assert.equal(shell.usable, false)
    // a fresh shell on the same connection still works
    assert.equal(await (await s.openShell()).run('show clock'), '*21:05:11.204 UTC Fri Nov 27 2026')
  } finally {
    await s.close()
  }
})

test('ssh session - a device that goes silent ends with ERR_SSH_IDLE_TIMEOUT', async () => {
  const s = await connectSsh(target('edge1', { commandTimeout: 10_000, idleTimeout: 300 }))
  try {
    const shell = await s.openShell()
    const err = await rejection(shell.run('show tech-support'))
    assert.equal(err.code, 'ERR_SSH_IDLE_TIMEOUT')
    assert.match(err.message, /sent nothing for 300 ms/)
  } finally {
    await s.close()
  }
})

test('ssh session - a dropped connection ends the running command with ERR_SSH_DISCONNECTED', async () => {
  const s = await connectSsh(target('edge1'))
  try {
    const shell = await s.openShell()
    const err = await rejection(shell.run('show platform crashinfo'))
    assert.equal(err.code, 'ERR_SSH_DISCONNECTED')
    assert.match(err.message, /closed the connection/)
    assert.equal((await rejection(s.exec('show clock'))).code, 'ERR_SSH_DISCONNECTED')
  } finally {
    await s.close()
  }
})

test('ssh session - the caller\'s deadline and AbortSignal end a hung command', async () => {
  const s = await connectSsh(target('edge1', { deadline: Date.now() + 800 }))
  try {
    const shell = await s.openShell()
    const err = await rejection(shell.run('show tech-support'))
    assert.equal(err.code, 'ERR_SSH_DEADLINE')
    assert.match(err.message, /deadline/)
  } finally {
    await s.close()
  }
  const ac = new AbortController()
  const s2 = await connectSsh(target('edge1', { signal: ac.signal }))
  try {
    const shell = await s2.openShell()
    const p = shell.run('show tech-support')
    setTimeout(() => ac.abort(new Error('shutting down')), 50)
    assert.equal((await rejection(p)).code, 'ERR_SSH_ABORTED')
  } finally {
    await s2.close()
  }
})

test('ssh session - a wrong password is ERR_SSH_AUTH; collectSsh then logs in with the next credential', async () => {
  const err = await rejection(connectSsh(target('edge1', { credential: { username: 'netops', password: 'wrong-pw-1' } })))
  assert.equal(err.code, 'ERR_SSH_AUTH')
  assert.match(err.message, /netops/)
  assert.match(err.message, /127\.0\.0\.1:\d+/)

  const result = await collectSsh({
    host: '127.0.0.1',
    port: ports.edge1,
    platform: 'cisco_ios',
    credentials: [
      { username: 'netops', password: 'wrong-pw-1' },
      { username: 'netops', password: edge1.password, enableSecret: edge1.enableSecret }
    ],
    hostKeyPolicy: 'strict',
    knownHostsFile: knownHosts,
    commandTimeout: 3000
  })
  assert.equal(result.credentialIndex, 1)
  assert.equal(result.device.source, 'ssh')
  assert.equal(result.device.hostname, 'edge1')
  // edge1 answers only some of the IOS driver's commands: the others are warnings, not failures
  assert.ok(result.warnings !== undefined && result.warnings.some((w) => w.code === 'ERR_SSH_COMMAND'))

  const all = await rejection(collectSsh({
    host: '127.0.0.1', port: ports.edge1, platform: 'cisco_ios', knownHostsFile: knownHosts,
    credentials: [{ username: 'netops', password: 'wrong-pw-1' }, { username: 'admin', password: 'wrong-pw-2' }]
  }))
  assert.equal(all.code, 'ERR_SSH_AUTH')
  assert.match(all.message, /all 2 credential/)
})

test('ssh session - keyboard-interactive login answers the password prompt', async () => {
  const s = await connectSsh(target('edge1-ki'))
  try {
    assert.equal(await (await s.openShell()).run('show clock'), '*21:05:11.204 UTC Fri Nov 27 2026')
  } finally {
    await s.close()
  }
  assert.equal((await rejection(connectSsh(target('edge1-ki', { credential: { username: 'netops', password: 'nope-3' } })))).code, 'ERR_SSH_AUTH')
})

test('ssh session - exec channels return output and exit status', async () => {
  const s = await connectSsh(target('host1'))
  try {
    assert.deepEqual(await s.exec('uname -r'), { stdout: '6.1.0-18-amd64\n', stderr: '', exitCode: 0 })
    const err = await rejection(s.exec('lldpctl -f json'))
    assert.equal(err.code, 'ERR_SSH_COMMAND')
    assert.match(err.message, /status 127/)
    assert.equal((await s.exec('lldpctl -f json', { allowFailure: true })).exitCode, 127)
  } finally {
    await s.close()
  }
})

test('ssh session - host key policy strict rejects an unknown key, and the next credential is not tried', async () => {
  const empty = join(dir, 'empty_known_hosts')
  const err = await rejection(connectSsh(target('edge1', { knownHostsFile: empty })))
  assert.equal(err.code, 'ERR_SSH_HOST_KEY')
  assert.match(err.message, /SHA256:/)
  assert.match(err.message, /not in/)
  const viaCollect = await rejection(collectSsh({
    host: '127.0.0.1', port: ports.edge1, platform: 'cisco_ios', knownHostsFile: empty,
    credentials: [{ username: 'netops', password: edge1.password }, { username: 'netops', password: edge1.password }]
  }))
  assert.equal(viaCollect.code, 'ERR_SSH_HOST_KEY')
})

test('ssh session - accept-new records an unknown key, after which strict accepts it', async () => {
  const file = join(dir, 'sub', 'accept_new_known_hosts')
  const s = await connectSsh(target('edge1', { knownHostsFile: file, hostKeyPolicy: 'accept-new' }))
  await s.close()
  const text = await readFile(file, 'utf8')
  const want = `[127.0.0.1]:${ports.edge1} ${sim.devices.find((d) => d.name === 'edge1')!.hostPublicKey}`
  assert.equal(text.trim(), want)
  const again = await connectSsh(target('edge1', { knownHostsFile: file, hostKeyPolicy: 'strict' }))
  await again.close()
  // a second accept-new run finds the key and does not add it twice
  await (await connectSsh(target('edge1', { knownHostsFile: file, hostKeyPolicy: 'accept-new' }))).close()
  assert.equal((await readFile(file, 'utf8')).trim(), want)
})

test('ssh session - a changed host key is rejected under strict and accept-new', async () => {
  const other = ssh2.utils.generateKeyPairSync('ed25519').public.split(/\s+/).slice(0, 2).join(' ')
  const file = join(dir, 'changed_known_hosts')
  await writeFile(file, `# the device was re-imaged since\n[127.0.0.1]:${ports.edge1} ${other}\n`)
  for (const policy of ['strict', 'accept-new'] as const) {
    const err = await rejection(connectSsh(target('edge1', { knownHostsFile: file, hostKeyPolicy: policy })))
    assert.equal(err.code, 'ERR_SSH_HOST_KEY', policy)
    assert.match(err.message, /changed/)
  }
  assert.equal((await readFile(file, 'utf8')).split('\n').filter((l) => l.startsWith('[')).length, 1, 'accept-new must not add a changed key')
  // "off" is the explicit opt-out
  await (await connectSsh(target('edge1', { knownHostsFile: file, hostKeyPolicy: 'off' }))).close()
})

test('ssh session - hashed known_hosts entries (|1|salt|hash) match only their own host:port', async () => {
  const hashed = (name: string): string => {
    const salt = randomBytes(20)
    return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`
  }
  const key = sim.devices.find((d) => d.name === 'edge1')!.hostPublicKey
  const file = join(dir, 'hashed_known_hosts')
  await writeFile(file, `${hashed(`[127.0.0.1]:${ports.edge1}`)} ${key}\n`)
  await (await connectSsh(target('edge1', { knownHostsFile: file }))).close()
  await writeFile(file, `${hashed(`[127.0.0.1]:${ports.edge1 + 1}`)} ${key}\n${hashed('127.0.0.1')} ${key}\n`)
  assert.equal((await rejection(connectSsh(target('edge1', { knownHostsFile: file })))).code, 'ERR_SSH_HOST_KEY')
})

test('ssh session - a refused TCP connection is ERR_SSH_CONNECT naming host:port', async () => {
  const srv = createServer()
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  const port = (srv.address() as { port: number }).port
  await new Promise<void>((resolve) => srv.close(() => resolve()))
  const err = await rejection(connectSsh({ ...target('edge1'), port }))
  assert.equal(err.code, 'ERR_SSH_CONNECT')
  assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${port}`))
  assert.match(err.message, /connect phase/)
})

test('ssh session - a server that accepts TCP but never speaks SSH ends at the connect timeout', async () => {
  const sockets = new Set<import('node:net').Socket>()
  const srv = createServer((sock) => { sockets.add(sock) })
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  try {
    const port = (srv.address() as { port: number }).port
    const err = await rejection(connectSsh({ ...target('edge1'), port, timeout: 300 }))
    assert.equal(err.code, 'ERR_SSH_CONNECT')
    assert.match(err.message, /timed out after 300 ms/)
  } finally {
    for (const s of sockets) s.destroy()
    await new Promise<void>((resolve) => srv.close(() => resolve()))
  }
})

test('ssh session - passwords and enable secrets never reach logs or error messages', async () => {
  const { logger, text } = capture()
  const messages: string[] = []
  const secrets = ['Login-Secret-4471', 'Enable-Secret-9932', edge1.password, edge1.enableSecret!]
  const note = (e: Error): void => { messages.push(e.message, String((e.cause as Error | undefined)?.message ?? '')) }
  note(await rejection(connectSsh(target('edge1', { logger, credential: { username: 'netops', password: 'Login-Secret-4471' } }))))
  const s = await connectSsh(target('edge1', { logger }))
  try {
    note(await rejection((await s.openShell()).enable('Enable-Secret-9932')))
    const shell = await s.openShell()
    await shell.enable(edge1.enableSecret)
    await shell.run('show running-config')
  } finally {
    await s.close()
  }
  const result = await collectSsh({
    host: '127.0.0.1', port: ports.edge1, platform: 'cisco_ios', knownHostsFile: knownHosts,
    credentials: [{ username: 'netops', password: 'Login-Secret-4471', enableSecret: 'Enable-Secret-9932' }, { username: 'netops', password: edge1.password, enableSecret: edge1.enableSecret }]
  }, { logger })
  for (const w of result.warnings ?? []) messages.push(w.message)
  note(await rejection(collectSsh({
    host: '127.0.0.1', port: ports.edge1, platform: 'cisco_ios', knownHostsFile: knownHosts,
    credentials: [{ username: 'netops', password: edge1.password, enableSecret: 'Enable-Secret-9932' }]
  }, { logger })))
  await new Promise((resolve) => setImmediate(resolve))
  const logged = text()
  assert.ok(logged.length > 0, 'debug logging produced output')
  assert.ok(messages.some((m) => /ERR_SSH_ENABLE|enable/.test(m)))
  for (const secret of secrets) {
    assert.ok(!logged.includes(secret), `log leaked ${secret}`)
    for (const m of messages) assert.ok(!m.includes(secret), `message leaked ${secret}: ${m}`)
  }
})
