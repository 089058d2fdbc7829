import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseAgentConfig, loadAgentConfig, assertSendable } from '../../agent/index.ts'

const SECRET = 'hunter2-s3cr3t'

function expectConfigError (fn: () => unknown, code: string, message: RegExp): Error {
  let caught: unknown
  try { fn() } catch (err) { caught = err }
  assert.ok(caught instanceof Error, 'expected an error')
  assert.equal((caught as Error & { code: string }).code, code)
  assert.match(caught.message, message)
  assert.ok(!caught.message.includes(SECRET), `secret leaked in: ${caught.message}`)
  return caught
}

const BASE = `
tributary:
  target: grpc://diode.lan:8080/diode
  client_id: agent
  client_secret: \${DIODE_SECRET}
  agent_name: edge-01
  status: { listen: "127.0.0.1:8070" }
policies:
  core:
    schedule: "*/5 * * * *"
    defaults: { site: DC1, role: core, tags: [discovered] }
    options: { timeout_per_target: 30s, concurrency: 4 }
    scope:
      - targets: [10.0.0.0/30, core1.lan]
        snmp:
          version: 2c
          community: \${RO_COMMUNITY}
          timeout: 500ms
          retries: 2
        ssh:
          platform: cisco_ios
          username: netops
          password: \${file:PWFILE}
          host_key_policy: accept-new
        override_defaults: { role: router }
      - targets: 10.0.1.5-6
        snmp:
          credentials:
            - { version: 3, username: ro, auth_protocol: SHA256, auth_passphrase: a-key, priv_protocol: AES, priv_passphrase: p-key }
            - { version: 2c, community: public }
`

test('config - references resolve, defaults fill in, scopes expand with their settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agent-config-'))
  try {
    const pwFile = join(dir, 'pw')
    writeFileSync(pwFile, `${SECRET}\n`)
    const cfg = parseAgentConfig(BASE.replace('PWFILE', pwFile), { env: { DIODE_SECRET: 'cs', RO_COMMUNITY: 'ro-comm' } })
    assert.equal(cfg.target, 'grpc://diode.lan:8080/diode')
    assert.equal(cfg.clientSecret, 'cs')
    assert.equal(cfg.agentName, 'edge-01')
    assert.deepEqual(cfg.statusListen, { host: '127.0.0.1', port: 8070 })
    assert.equal(cfg.maxScopeAddresses, 4096)
    assert.equal(cfg.dryRun, false)
    const [core] = cfg.policies
    assert.equal(core.name, 'core')
    assert.equal(core.schedule, '*/5 * * * *')
    assert.equal(core.timeoutPerTarget, 30_000)
    assert.equal(core.concurrency, 4)
    assert.deepEqual(core.targets.map((t) => t.host), ['10.0.0.1', '10.0.0.2', 'core1.lan', '10.0.1.5', '10.0.1.6'])
    const first = core.targets[0]
    assert.deepEqual(first.snmp, { host: '10.0.0.1', credentials: [{ version: '2c', community: 'ro-comm' }], timeout: 500, retries: 2 })
    assert.deepEqual(first.ssh, { host: '10.0.0.1', platform: 'cisco_ios', hostKeyPolicy: 'accept-new', credentials: [{ username: 'netops', password: SECRET }] })
    assert.deepEqual(first.defaults, { site: 'DC1', role: 'router', tags: ['discovered'] })
    const last = core.targets[4]
    assert.equal(last.ssh, undefined)
    assert.deepEqual(last.snmp?.credentials, [
      { version: '3', username: 'ro', authProtocol: 'sha256', authKey: 'a-key', privProtocol: 'aes', privKey: 'p-key' },
      { version: '2c', community: 'public' }
    ])
    assert.deepEqual(last.defaults, { site: 'DC1', role: 'core', tags: ['discovered'] })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('config - a missing environment variable is a startup error naming the key', () => {
  const err = expectConfigError(() => parseAgentConfig(BASE.replace('PWFILE', '/nonexistent'), { env: { DIODE_SECRET: SECRET } }),
    'ERR_AGENT_CONFIG_REFERENCE', /^policies\.core\.scope\[0\]\.snmp\.community: environment variable RO_COMMUNITY is not set$/)
  assert.equal((err as Error & { path: string }).path, 'policies.core.scope[0].snmp.community')
})

test('config - a missing file reference names the key and the file, not its content', () => {
  expectConfigError(() => parseAgentConfig(BASE.replace('PWFILE', '/nonexistent/pw'), { env: { DIODE_SECRET: SECRET, RO_COMMUNITY: SECRET } }),
    'ERR_AGENT_CONFIG_REFERENCE', /^policies\.core\.scope\[0\]\.ssh\.password: cannot read file \/nonexistent\/pw \(ENOENT\)$/)
})

test('config - validation errors start with the dotted path and never echo a secret', () => {
  const env = { DIODE_SECRET: SECRET, RO_COMMUNITY: SECRET }
  const readFile = (): string => SECRET
  const cases: Array<[string, RegExp]> = [
    [BASE.replace('version: 2c', 'version: 4'), /^policies\.core\.scope\[0\]\.snmp\.version: expected "2c" or "3", got 4$/],
    [BASE.replace('platform: cisco_ios', 'platform: cisco_catos'), /^policies\.core\.scope\[0\]\.ssh\.platform: expected "cisco_ios" or .* got "cisco_catos"$/],
    [BASE.replace('schedule: "*/5 * * * *"', 'schedule: "*/5 * * *"'), /^policies\.core\.schedule: expected a 5-field cron expression/],
    [BASE.replace('schedule: "*/5 * * * *"', 'schedule: "61 * * * *"'), /^policies\.core\.schedule: invalid cron expression/],
    [BASE.replace('retries: 2', 'retries: lots'), /^policies\.core\.scope\[0\]\.snmp\.retries: expected an integer, got "lots"$/],
    [BASE.replace('timeout_per_target: 30s', 'timeout_per_target: soon'), /^policies\.core\.options\.timeout_per_target: expected a positive duration/],
    [BASE.replace('core1.lan', '10.0.0.0/33'), /^policies\.core\.scope\[0\]\.targets\[1\]: "10\.0\.0\.0\/33" is not a valid CIDR$/],
    [BASE.replace('community: ${RO_COMMUNITY}', 'community: ["${RO_COMMUNITY}"]'), /^policies\.core\.scope\[0\]\.snmp\.community: expected a string, got a list$/],
    [BASE.replace('community: ${RO_COMMUNITY}', 'community: ${RO_COMMUNITY}\n          comunity: x'), /^policies\.core\.scope\[0\]\.snmp\.comunity: unknown key/],
    [BASE.replace('priv_protocol: AES, ', ''), /^policies\.core\.scope\[1\]\.snmp\.credentials\[0\]\.priv_protocol: required when priv_passphrase is set$/],
    // A secret pasted into a non-secret key came from a reference: only its type is shown.
    [BASE.replace('role: core', 'role: core, status: "${RO_COMMUNITY}"'), /^policies\.core\.defaults\.status: expected "active" or .*, got a string$/],
    [BASE.replace('agent_name: edge-01', 'agent_name: edge-01\n  listen: 1'), /^tributary\.listen: unknown key/],
    [BASE.replace('          username: netops\n', ''), /^policies\.core\.scope\[0\]\.ssh\.username: required$/],
    [BASE.replace('community: ${RO_COMMUNITY}', 'community: 0123'), /^policies\.core\.scope\[0\]\.snmp\.community: expected a string: put the value in quotes/],
    ['tributary: {}\n', /^policies: no policies/]
  ]
  for (const [yaml, message] of cases) expectConfigError(() => parseAgentConfig(yaml, { env, readFile }), 'ERR_AGENT_CONFIG', message)
})

test('config - a scope larger than max_scope_addresses is refused with the policy and the count', () => {
  const yaml = BASE.replace('10.0.0.0/30', '10.0.0.0/8')
  expectConfigError(() => parseAgentConfig(yaml, { env: { DIODE_SECRET: 'x', RO_COMMUNITY: 'y' }, readFile: () => 'z' }),
    'ERR_AGENT_SCOPE_TOO_LARGE', /^policies\.core\.scope: policy "core" expands to 16777217 addresses, more than max_scope_addresses \(4096\)/)
  const raised = parseAgentConfig(BASE.replace('10.0.0.0/30', '10.0.0.0/20').replace('concurrency: 4', 'concurrency: 4, max_scope_addresses: 5000'),
    { env: { DIODE_SECRET: 'x', RO_COMMUNITY: 'y' }, readFile: () => 'z' })
  // 10.0.1.5-6 fall inside the /20: listed twice, visited once.
  assert.equal(raised.policies[0].targets.length, 4094 + 1)
})

test('config - orb-agent layout: orb.backends.common.diode and policies grouped by backend under config:', () => {
  const yaml = `
orb:
  config_manager: { active: local }
  backends:
    common:
      diode: { target: grpcs://diode.example.com/diode, client_id: a, client_secret: b, agent_name: orb-1, dry_run: true }
  policies:
    snmp_discovery:
      access:
        config: { schedule: "0 */6 * * *", defaults: { role: access } }
        scope:
          - { host: 10.30.0.1-3, snmp: { community: public } }
`
  const cfg = parseAgentConfig(yaml, { env: {} })
  assert.equal(cfg.target, 'grpcs://diode.example.com/diode')
  assert.equal(cfg.dryRun, true)
  assert.equal(cfg.policies[0].name, 'access')
  assert.equal(cfg.policies[0].schedule, '0 */6 * * *')
  // No site in the defaults: the agent name stands in, never "undefined".
  assert.deepEqual(cfg.policies[0].defaults, { role: 'access', site: 'orb-1' })
  assert.deepEqual(cfg.policies[0].targets.map((t) => t.host), ['10.30.0.1', '10.30.0.2', '10.30.0.3'])
})

test('config - an SSH jump host takes its own credential and host key policy', () => {
  const cfg = parseAgentConfig(`
policies:
  behind:
    scope:
      - targets: [10.5.0.1]
        ssh:
          username: u
          password: p
          jump_host: { host: bastion.lan, port: 2222, username: j, private_key_file: /keys/j, host_key_policy: accept-new }
`, { readFile: (p) => `KEY FROM ${p}` })
  assert.deepEqual(cfg.policies[0].targets[0].ssh?.jumpHost, { host: 'bastion.lan', port: 2222, hostKeyPolicy: 'accept-new', credential: { username: 'j', privateKey: 'KEY FROM /keys/j' } })
  expectConfigError(() => parseAgentConfig('policies:\n  b:\n    scope: [ { targets: [h], ssh: { username: u, password: p, jump_host: { username: j, password: q } } } ]\n'),
    'ERR_AGENT_CONFIG', /^policies\.b\.scope\[0\]\.ssh\.jump_host\.host: required$/)
})

test('config - orb-agent device_discovery scope entries read as SSH targets', () => {
  const cfg = parseAgentConfig(`
orb:
  backends: { common: { diode: { dry_run: true, agent_name: orb-2 } } }
  policies:
    device_discovery:
      core:
        config: { schedule: "0 */4 * * *", defaults: { site: DC1 } }
        scope:
          - { hostname: 10.10.0.0/30, username: netops, password: "\${PW}", driver: nxos_ssh, optional_args: { port: 2222, secret: en, transport: ssh } }
`, { env: { PW: SECRET } })
  assert.deepEqual(cfg.policies[0].targets.map((t) => t.ssh), [
    { host: '10.10.0.1', platform: 'cisco_nxos', port: 2222, credentials: [{ username: 'netops', password: SECRET, enableSecret: 'en' }] },
    { host: '10.10.0.2', platform: 'cisco_nxos', port: 2222, credentials: [{ username: 'netops', password: SECRET, enableSecret: 'en' }] }
  ])
  expectConfigError(() => parseAgentConfig('policies:\n  p:\n    scope: [ { hostname: h, username: u, password: p, driver: napalm_ros } ]\n'),
    'ERR_AGENT_CONFIG', /^policies\.p\.scope\[0\]\.driver: no SSH driver for "napalm_ros"/)
})

test('config - orb-agent snmp_discovery scope (authentication, targets) and config timeouts', () => {
  const cfg = parseAgentConfig(`
orb:
  backends: { common: { diode: { dry_run: true } } }
  policies:
    snmp_discovery:
      access_layer:
        config: { schedule: "0 */6 * * *", timeout: 300, snmp_timeout: 5, retries: 2, defaults: { site: HQ } }
        scope:
          authentication: { protocol_version: SNMPv3, security_level: authPriv, username: "\${U}", auth_protocol: SHA256, auth_passphrase: "\${A}", priv_protocol: AES256, priv_passphrase: "\${P}" }
          targets:
            - { host: 10.30.0.1-2 }
            - { host: legacy-sw.lan, port: 1161, authentication: { protocol_version: SNMPv2c, community: "\${C}" }, override_defaults: { role: legacy } }
`, { env: { U: 'ro', A: 'auth-k', P: 'priv-k', C: SECRET } })
  const [policy] = cfg.policies
  assert.equal(policy.timeoutPerTarget, 300_000)
  assert.deepEqual(policy.targets.map((t) => t.snmp), [
    { host: '10.30.0.1', timeout: 5000, retries: 2, credentials: [{ version: '3', username: 'ro', authProtocol: 'sha256', authKey: 'auth-k', privProtocol: 'aes256', privKey: 'priv-k' }] },
    { host: '10.30.0.2', timeout: 5000, retries: 2, credentials: [{ version: '3', username: 'ro', authProtocol: 'sha256', authKey: 'auth-k', privProtocol: 'aes256', privKey: 'priv-k' }] },
    { host: 'legacy-sw.lan', port: 1161, timeout: 5000, retries: 2, credentials: [{ version: '2c', community: SECRET }] }
  ])
  assert.deepEqual(policy.targets[2].defaults, { site: 'HQ', role: 'legacy' })
  expectConfigError(() => parseAgentConfig('policies:\n  p:\n    scope: { authentication: { protocol_version: SNMPv1, community: x }, targets: [ { host: h } ] }\n'),
    'ERR_AGENT_CONFIG', /^policies\.p\.scope\.authentication\.protocol_version: expected "snmpv2c" or "snmpv3", got "SNMPv1"$/)
})

test('config - a policy without schedule runs once; a missing target is refused unless dry run', () => {
  const yaml = 'policies:\n  once:\n    scope: [ { targets: [h1], ssh: { username: u, password: p } } ]\n'
  const cfg = parseAgentConfig(yaml, { hostname: 'box' })
  assert.equal(cfg.policies[0].schedule, undefined)
  assert.equal(cfg.agentName, 'box')
  assert.equal(cfg.statusListen, undefined)
  assert.deepEqual(parseAgentConfig(`tributary: { status: {} }\n${yaml}`).statusListen, { host: '127.0.0.1', port: 0 })
  assert.deepEqual(parseAgentConfig(`tributary: { status: { listen: "[::1]:9000" } }\n${yaml}`).statusListen, { host: '::1', port: 9000 })
  expectConfigError(() => assertSendable(cfg), 'ERR_AGENT_CONFIG', /^tributary\.target: required unless dry_run/)
  assert.doesNotThrow(() => assertSendable({ ...cfg, dryRun: true }))
})

test('config - relative file references start from the config file\'s folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agent-config-rel-'))
  try {
    writeFileSync(join(dir, 'community'), 'from-file\n')
    writeFileSync(join(dir, 'id_key'), 'KEY\n')
    writeFileSync(join(dir, 'agent.yaml'), 'policies:\n  p:\n    scope: [ { targets: [h], snmp: { community: "${file:community}" }, ssh: { username: u, private_key_file: id_key } } ]\n')
    const cfg = loadAgentConfig(join(dir, 'agent.yaml'))
    assert.deepEqual(cfg.policies[0].targets[0].snmp?.credentials, [{ version: '2c', community: 'from-file' }])
    assert.deepEqual(cfg.policies[0].targets[0].ssh?.credentials, [{ username: 'u', privateKey: 'KEY\n' }])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('config - loadAgentConfig reads the file, and the shipped example is valid', () => {
  expectConfigError(() => loadAgentConfig('/nonexistent/agent.yaml'), 'ERR_AGENT_CONFIG', /cannot read config file \/nonexistent\/agent\.yaml \(ENOENT\)/)
  const example = new URL('../../config/examples/agent.yaml', import.meta.url).pathname
  const cfg = loadAgentConfig(example, {
    env: { DIODE_CLIENT_ID: 'id', DIODE_CLIENT_SECRET: 'secret', SNMP_RO_COMMUNITY: 'c', SNMP_AUTH_KEY: 'a', SNMP_PRIV_KEY: 'p', NETOPS_PASSWORD: 'pw', ENABLE_SECRET: 'en' },
    readFile: () => 'KEY'
  })
  assert.ok(cfg.policies.length >= 2)
})
