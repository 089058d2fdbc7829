// Validation of one policy: schedule, scope entries with their SNMP and SSH settings, defaults
// and options. Returns the policy with its scope expanded to hosts.
import { CronExpressionParser } from 'cron-parser'
import { CHOICES } from '../../proto/index.ts'
import { ScopeTooLargeError } from '../errors.ts'
import { parseScopeTarget, scopeTargetSize, expandScopeTarget } from '../scope.ts'
import type { ScopeTarget } from '../scope.ts'
import type { DeviceDefaults, CustomFieldInput } from '../mapping/to-entities.ts'
import type {
  SnmpCredential, SnmpTargetSettings, SshCredential, SshTargetSettings, HostKeyPolicy,
  SnmpAuthProtocol, SnmpPrivProtocol
} from '../model.ts'
import { Reader, join } from './reader.ts'
import { isMapping, fromOrbSnmpScope, fromNapalmEntry, NAPALM_KEYS } from './orb-compat.ts'
import { SSH_PLATFORMS } from './platforms.ts'
import { DEFAULT_TIMEOUT_PER_TARGET } from './types.ts'
import type { PolicyConfig, TargetPlan } from './types.ts'


export interface PolicyContext {
  reader: Reader
  readFile: (path: string) => string
  /** Site for policies whose defaults give none. */
  fallbackSite: string
  agentConcurrency: number
  maxScopeAddresses: number
}

const POLICY_KEYS = ['schedule', 'scope', 'defaults', 'options', 'config']
const ORB_CONFIG_KEYS = ['schedule', 'defaults', 'options', 'timeout', 'snmp_timeout', 'retries']
const OPTION_KEYS = ['timeout_per_target', 'timeout', 'concurrency', 'max_scope_addresses']
const ENTRY_KEYS = ['targets', 'host', 'hostname', 'snmp', 'ssh', 'override_defaults']
const DEFAULT_KEYS = ['site', 'role', 'tenant', 'location', 'tags', 'description', 'comments', 'platform', 'custom_fields', 'status']
const SNMP_CREDENTIAL_KEYS = ['version', 'community', 'username', 'auth_protocol', 'auth_key', 'auth_passphrase', 'priv_protocol', 'priv_key', 'priv_passphrase', 'context', 'context_name']
const SNMP_SETTING_KEYS = ['port', 'timeout', 'retries', 'max_repetitions', 'bulk', 'credentials']
const SSH_CREDENTIAL_KEYS = ['username', 'password', 'private_key', 'private_key_file', 'passphrase', 'enable_secret']
const SSH_SETTING_KEYS = ['platform', 'host_key_policy', 'known_hosts', 'port', 'timeout', 'command_timeout', 'idle_timeout', 'jump_host', 'credentials']
const JUMP_HOST_KEYS = ['host', 'port', 'host_key_policy', 'username', 'password', 'private_key', 'private_key_file', 'passphrase']

export function parsePolicy (name: string, path: string, raw: unknown, ctx: PolicyContext): PolicyConfig {
  const r = ctx.reader
  const p = r.map(path, raw, POLICY_KEYS)
  // orb-agent puts schedule, defaults and options under `config:`; both spellings are accepted.
  const orb = r.optionalMap(join(path, 'config'), p.config, ORB_CONFIG_KEYS) ?? {}
  const pick = (key: string): [string, unknown] => {
    if (p[key] !== undefined && orb[key] !== undefined) r.fail(join(path, key), `given both here and under ${join(path, 'config')}`)
    return p[key] !== undefined ? [join(path, key), p[key]] : [join(join(path, 'config'), key), orb[key]]
  }

  const [schedulePath, scheduleRaw] = pick('schedule')
  const schedule = scheduleRaw === undefined || scheduleRaw === null ? undefined : parseSchedule(r, schedulePath, scheduleRaw)

  const [defaultsPath, defaultsRaw] = pick('defaults')
  const defaults = parseDefaults(r, defaultsPath, defaultsRaw ?? {})
  if (defaults.site === undefined) defaults.site = ctx.fallbackSite

  const [optionsPath, optionsRaw] = pick('options')
  const options = { ...r.optionalMap(optionsPath, optionsRaw, OPTION_KEYS) }
  // orb-agent's config.timeout is the per-target limit, in seconds.
  if (orb.timeout !== undefined) {
    if (options.timeout_per_target !== undefined || options.timeout !== undefined) r.fail(join(join(path, 'config'), 'timeout'), `given both here and as ${join(optionsPath, 'timeout_per_target')}`)
    options.timeout_per_target = orb.timeout
  }
  if (options.timeout_per_target !== undefined && options.timeout !== undefined) r.fail(join(optionsPath, 'timeout'), 'give timeout_per_target or timeout, not both')
  const timeoutKey = options.timeout !== undefined ? 'timeout' : 'timeout_per_target'
  const timeoutPath = orb.timeout !== undefined ? join(join(path, 'config'), 'timeout') : join(optionsPath, timeoutKey)
  const timeoutPerTarget = r.optionalDuration(timeoutPath, options[timeoutKey]) ?? DEFAULT_TIMEOUT_PER_TARGET
  const concurrency = Math.min(r.optionalInteger(join(optionsPath, 'concurrency'), options.concurrency, 1, 10_000) ?? ctx.agentConcurrency, ctx.agentConcurrency)
  const limit = r.optionalInteger(join(optionsPath, 'max_scope_addresses'), options.max_scope_addresses, 1, 16_777_216) ?? ctx.maxScopeAddresses

  const scopePath = join(path, 'scope')
  if (p.scope === undefined) r.fail(scopePath, 'required: a list of targets with their snmp and/or ssh settings')
  const entries: Array<[string, unknown]> = isMapping(p.scope)
    ? fromOrbSnmpScope(r, scopePath, p.scope, { timeout: orb.snmp_timeout, retries: orb.retries })
    : r.list(scopePath, p.scope).map((e, i) => [join(scopePath, i), e])
  if (entries.length === 0) r.fail(scopePath, 'must list at least one target')
  const parsed = entries.map(([at, e]) => parseEntry(at, e, defaults, ctx))
  const total = parsed.reduce((sum, e) => sum + e.targets.reduce((s, t) => s + scopeTargetSize(t), 0n), 0n)
  if (total > BigInt(limit)) {
    throw new ScopeTooLargeError(scopePath,
      `policy "${name}" expands to ${total} addresses, more than max_scope_addresses (${limit}); ` +
      `fix the CIDR or raise ${join(optionsPath, 'max_scope_addresses')}`, total, limit)
  }
  // A host listed twice (on the same ports) keeps the settings of its first entry; the same
  // address on other ports is another device (simulators, port-forwarded lab gear).
  const seen = new Set<string>()
  const targets: TargetPlan[] = []
  parsed.forEach((entry, index) => {
    for (const t of entry.targets) {
      for (const host of expandScopeTarget(t)) {
        const key = `${host}|${entry.snmp?.port ?? ''}|${entry.ssh?.port ?? ''}`
        if (seen.has(key)) continue
        seen.add(key)
        targets.push({
          host,
          entry: index,
          ...(entry.snmp !== undefined ? { snmp: { ...entry.snmp, host } } : {}),
          ...(entry.ssh !== undefined ? { ssh: { ...entry.ssh, host } } : {}),
          defaults: entry.defaults
        })
      }
    }
  })
  return { name, ...(schedule !== undefined ? { schedule } : {}), defaults, timeoutPerTarget, concurrency, targets }
}

function parseSchedule (r: Reader, path: string, raw: unknown): string {
  const expr = r.string(path, raw).trim()
  if (expr.split(/\s+/).length !== 5) r.fail(path, `expected a 5-field cron expression (minute hour day month weekday), got ${r.show(path, raw)}`)
  try {
    CronExpressionParser.parse(expr)
  } catch (err) {
    r.fail(path, `invalid cron expression ${r.show(path, raw)}: ${(err as Error).message}`)
  }
  return expr
}

interface ParsedEntry {
  targets: ScopeTarget[]
  snmp?: Omit<SnmpTargetSettings, 'host'>
  ssh?: Omit<SshTargetSettings, 'host'>
  defaults: DeviceDefaults
}

function parseEntry (path: string, raw: unknown, policyDefaults: DeviceDefaults, ctx: PolicyContext): ParsedEntry {
  const r = ctx.reader
  const e = fromNapalmEntry(r, path, r.map(path, raw, [...ENTRY_KEYS, ...NAPALM_KEYS]))
  r.map(path, e, ENTRY_KEYS)
  const given = ['targets', 'host', 'hostname'].filter((k) => e[k] !== undefined)
  if (given.length === 0) r.fail(join(path, 'targets'), 'required: host names, addresses, CIDRs or ranges')
  if (given.length > 1) r.fail(join(path, given[1]), `give one of targets, host or hostname, not ${given.join(' and ')}`)
  const targetsPath = join(path, given[0])
  const texts = r.stringList(targetsPath, e[given[0]])
  if (texts.length === 0) r.fail(targetsPath, 'must list at least one target')
  const targets = texts.map((t, i) => {
    const at = given[0] === 'targets' && Array.isArray(e.targets) ? join(targetsPath, i) : targetsPath
    try { return parseScopeTarget(t) } catch (err) { return r.fail(at, (err as Error).message) }
  })
  if (e.snmp === undefined && e.ssh === undefined) r.fail(path, 'needs snmp or ssh settings (or both)')
  const snmp = e.snmp === undefined ? undefined : parseSnmp(r, join(path, 'snmp'), e.snmp)
  const ssh = e.ssh === undefined ? undefined : parseSsh(r, join(path, 'ssh'), e.ssh, ctx.readFile)
  const override = e.override_defaults === undefined ? {} : parseDefaults(r, join(path, 'override_defaults'), e.override_defaults)
  return { targets, ...(snmp !== undefined ? { snmp } : {}), ...(ssh !== undefined ? { ssh } : {}), defaults: { ...policyDefaults, ...override } }
}

export function parseDefaults (r: Reader, path: string, raw: unknown): DeviceDefaults {
  const d = r.map(path, raw, DEFAULT_KEYS)
  const out: DeviceDefaults = {}
  for (const key of ['site', 'role', 'tenant', 'location', 'description', 'comments', 'platform'] as const) {
    const v = r.optionalString(join(path, key), d[key])
    if (v !== undefined) out[key] = v
  }
  if (d.tags !== undefined && d.tags !== null) out.tags = r.stringList(join(path, 'tags'), d.tags)
  if (d.status !== undefined) out.status = r.oneOf(join(path, 'status'), d.status, CHOICES['Device.status'] ?? ['active'])
  const cf = r.optionalMap(join(path, 'custom_fields'), d.custom_fields)
  if (cf !== undefined) {
    out.custom_fields = {}
    for (const [k, v] of Object.entries(cf)) {
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') r.fail(join(join(path, 'custom_fields'), k), `expected a string, number or boolean, got ${r.show(join(join(path, 'custom_fields'), k), v)}`)
      out.custom_fields[k] = v as CustomFieldInput
    }
  }
  return out
}

const AUTH_PROTOCOLS: readonly SnmpAuthProtocol[] = ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']
const PRIV_PROTOCOLS: readonly SnmpPrivProtocol[] = ['des', 'aes', 'aes192', 'aes256']

function parseSnmp (r: Reader, path: string, raw: unknown): Omit<SnmpTargetSettings, 'host'> {
  const s = r.map(path, raw, [...SNMP_CREDENTIAL_KEYS, ...SNMP_SETTING_KEYS])
  const inline = SNMP_CREDENTIAL_KEYS.some((k) => s[k] !== undefined)
  let credentials: SnmpCredential[]
  if (s.credentials !== undefined) {
    if (inline) r.fail(join(path, 'credentials'), 'give either a credentials list or one inline credential, not both')
    const list = r.list(join(path, 'credentials'), s.credentials)
    if (list.length === 0) r.fail(join(path, 'credentials'), 'must list at least one credential')
    credentials = list.map((c, i) => parseSnmpCredential(r, join(join(path, 'credentials'), i), r.map(join(join(path, 'credentials'), i), c, SNMP_CREDENTIAL_KEYS)))
  } else {
    credentials = [parseSnmpCredential(r, path, s)]
  }
  const out: Omit<SnmpTargetSettings, 'host'> = { credentials }
  const port = r.optionalInteger(join(path, 'port'), s.port, 1, 65535)
  if (port !== undefined) out.port = port
  const timeout = r.optionalDuration(join(path, 'timeout'), s.timeout)
  if (timeout !== undefined) out.timeout = timeout
  const retries = r.optionalInteger(join(path, 'retries'), s.retries, 0, 10)
  if (retries !== undefined) out.retries = retries
  const maxRep = r.optionalInteger(join(path, 'max_repetitions'), s.max_repetitions, 1, 1000)
  if (maxRep !== undefined) out.maxRepetitions = maxRep
  if (s.bulk !== undefined) out.bulk = r.boolean(join(path, 'bulk'), s.bulk, true)
  return out
}

function parseSnmpCredential (r: Reader, path: string, c: Record<string, unknown>): SnmpCredential {
  const version = r.oneOf(join(path, 'version'), c.version ?? '2c', ['2c', '3'] as const,
    { v2c: '2c', snmpv2c: '2c', 2: '2c', v3: '3', snmpv3: '3' })
  const alias = (a: string, b: string): [string, unknown] => {
    if (c[a] !== undefined && c[b] !== undefined) r.fail(join(path, b), `give ${a} or ${b}, not both`)
    return c[b] !== undefined ? [join(path, b), c[b]] : [join(path, a), c[a]]
  }
  if (version === '2c') {
    for (const k of ['username', 'auth_protocol', 'auth_key', 'auth_passphrase', 'priv_protocol', 'priv_key', 'priv_passphrase', 'context', 'context_name']) {
      if (c[k] !== undefined) r.fail(join(path, k), 'only applies to SNMP version "3"')
    }
    if (c.community === undefined) r.fail(join(path, 'community'), 'required for SNMP version "2c"')
    return { version, community: r.string(join(path, 'community'), c.community) }
  }
  if (c.community !== undefined) r.fail(join(path, 'community'), 'only applies to SNMP version "2c"')
  if (c.username === undefined) r.fail(join(path, 'username'), 'required for SNMP version "3"')
  const cred: SnmpCredential = { version, username: r.string(join(path, 'username'), c.username) }
  const [authKeyPath, authKey] = alias('auth_key', 'auth_passphrase')
  const [privKeyPath, privKey] = alias('priv_key', 'priv_passphrase')
  if (c.auth_protocol !== undefined) {
    cred.authProtocol = r.oneOf<SnmpAuthProtocol>(join(path, 'auth_protocol'), c.auth_protocol, AUTH_PROTOCOLS, { sha1: 'sha' })
    if (authKey === undefined) r.fail(authKeyPath, 'required when auth_protocol is set')
    cred.authKey = r.string(authKeyPath, authKey)
  } else if (authKey !== undefined) {
    r.fail(join(path, 'auth_protocol'), `required when ${authKeyPath.split('.').pop()} is set`)
  }
  if (c.priv_protocol !== undefined) {
    if (cred.authProtocol === undefined) r.fail(join(path, 'priv_protocol'), 'privacy needs authentication: set auth_protocol too')
    cred.privProtocol = r.oneOf<SnmpPrivProtocol>(join(path, 'priv_protocol'), c.priv_protocol, PRIV_PROTOCOLS, { aes128: 'aes' })
    if (privKey === undefined) r.fail(privKeyPath, 'required when priv_protocol is set')
    cred.privKey = r.string(privKeyPath, privKey)
  } else if (privKey !== undefined) {
    r.fail(join(path, 'priv_protocol'), `required when ${privKeyPath.split('.').pop()} is set`)
  }
  const [contextPath, context] = alias('context', 'context_name')
  const ctxName = r.optionalString(contextPath, context)
  if (ctxName !== undefined) cred.context = ctxName
  return cred
}

function parseSsh (r: Reader, path: string, raw: unknown, readFile: (p: string) => string): Omit<SshTargetSettings, 'host'> {
  // `ssh:` is either one block (settings plus one credential or a credentials list) or a list of
  // credential blocks that may also carry the settings.
  let settings: Record<string, unknown>
  let credentialBlocks: Array<[string, Record<string, unknown>]>
  if (Array.isArray(raw)) {
    if (raw.length === 0) r.fail(path, 'must list at least one credential')
    const blocks = raw.map((b, i) => [join(path, i), r.map(join(path, i), b, [...SSH_CREDENTIAL_KEYS, ...SSH_SETTING_KEYS.filter((k) => k !== 'credentials')])] as [string, Record<string, unknown>])
    settings = {}
    for (const [, b] of blocks) for (const k of SSH_SETTING_KEYS) if (settings[k] === undefined && b[k] !== undefined) settings[k] = b[k]
    credentialBlocks = blocks
  } else {
    settings = r.map(path, raw, [...SSH_CREDENTIAL_KEYS, ...SSH_SETTING_KEYS])
    const inline = SSH_CREDENTIAL_KEYS.some((k) => settings[k] !== undefined)
    if (settings.credentials !== undefined) {
      if (inline) r.fail(join(path, 'credentials'), 'give either a credentials list or one inline credential, not both')
      const list = r.list(join(path, 'credentials'), settings.credentials)
      if (list.length === 0) r.fail(join(path, 'credentials'), 'must list at least one credential')
      credentialBlocks = list.map((c, i) => [join(join(path, 'credentials'), i), r.map(join(join(path, 'credentials'), i), c, SSH_CREDENTIAL_KEYS)])
    } else {
      credentialBlocks = [[path, settings]]
    }
  }
  const credentials = credentialBlocks.map(([at, c]) => parseSshCredential(r, at, c, readFile))
  const out: Omit<SshTargetSettings, 'host'> = { credentials }
  if (settings.platform !== undefined) out.platform = r.oneOf(join(path, 'platform'), settings.platform, SSH_PLATFORMS)
  if (settings.host_key_policy !== undefined) {
    out.hostKeyPolicy = r.oneOf<HostKeyPolicy>(join(path, 'host_key_policy'), settings.host_key_policy, ['strict', 'accept-new', 'off'], { accept_new: 'accept-new' })
  }
  const knownHosts = r.optionalString(join(path, 'known_hosts'), settings.known_hosts)
  if (knownHosts !== undefined) out.knownHostsFile = knownHosts
  const port = r.optionalInteger(join(path, 'port'), settings.port, 1, 65535)
  if (port !== undefined) out.port = port
  const timeout = r.optionalDuration(join(path, 'timeout'), settings.timeout)
  if (timeout !== undefined) out.timeout = timeout
  const commandTimeout = r.optionalDuration(join(path, 'command_timeout'), settings.command_timeout)
  if (commandTimeout !== undefined) out.commandTimeout = commandTimeout
  const idleTimeout = r.optionalDuration(join(path, 'idle_timeout'), settings.idle_timeout)
  if (idleTimeout !== undefined) out.idleTimeout = idleTimeout
  if (settings.jump_host !== undefined && settings.jump_host !== null) {
    const jpath = join(path, 'jump_host')
    const j = r.map(jpath, settings.jump_host, JUMP_HOST_KEYS)
    if (j.host === undefined) r.fail(join(jpath, 'host'), 'required')
    const jump: NonNullable<SshTargetSettings['jumpHost']> = { host: r.string(join(jpath, 'host'), j.host), credential: parseSshCredential(r, jpath, j, readFile) }
    const jport = r.optionalInteger(join(jpath, 'port'), j.port, 1, 65535)
    if (jport !== undefined) jump.port = jport
    if (j.host_key_policy !== undefined) {
      jump.hostKeyPolicy = r.oneOf<HostKeyPolicy>(join(jpath, 'host_key_policy'), j.host_key_policy, ['strict', 'accept-new', 'off'], { accept_new: 'accept-new' })
    }
    out.jumpHost = jump
  }
  return out
}

function parseSshCredential (r: Reader, path: string, c: Record<string, unknown>, readFile: (p: string) => string): SshCredential {
  if (c.username === undefined) r.fail(join(path, 'username'), 'required')
  const cred: SshCredential = { username: r.string(join(path, 'username'), c.username) }
  const password = r.optionalString(join(path, 'password'), c.password)
  if (password !== undefined) cred.password = password
  if (c.private_key !== undefined && c.private_key_file !== undefined) r.fail(join(path, 'private_key_file'), 'give private_key or private_key_file, not both')
  const keyText = r.optionalString(join(path, 'private_key'), c.private_key)
  if (keyText !== undefined) cred.privateKey = keyText
  const keyFile = r.optionalString(join(path, 'private_key_file'), c.private_key_file)
  if (keyFile !== undefined) {
    try {
      cred.privateKey = readFile(keyFile)
    } catch (err) {
      r.fail(join(path, 'private_key_file'), `cannot read ${keyFile} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`)
    }
  }
  const passphrase = r.optionalString(join(path, 'passphrase'), c.passphrase)
  if (passphrase !== undefined) cred.passphrase = passphrase
  const enable = r.optionalString(join(path, 'enable_secret'), c.enable_secret)
  if (enable !== undefined) cred.enableSecret = enable
  if (cred.password === undefined && cred.privateKey === undefined) r.fail(path, 'needs a password, private_key or private_key_file')
  return cred
}
