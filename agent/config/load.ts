// Reads the agent's YAML file: parse, resolve ${...} references in every string, validate, and
// expand each policy's scope. Every problem is an AgentConfigError naming the key.
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, resolve } from 'node:path'
import { parseDocument } from 'yaml'
import { AgentConfigError } from '../errors.ts'
import { DEFAULT_MAX_SCOPE_ADDRESSES } from '../scope.ts'
import { resolveReferences } from './references.ts'
import { Reader, join } from './reader.ts'
import { parsePolicy } from './policy.ts'
import { DEFAULT_CONCURRENCY, DEFAULT_RUN_HISTORY } from './types.ts'
import type { AgentConfig, PolicyConfig, StatusListen } from './types.ts'

export interface LoadOptions {
  /** Environment for ${NAME}; default process.env. */
  env?: Record<string, string | undefined>
  /** Reads ${file:...} references and private_key_file; default readFileSync(path, 'utf8'). */
  readFile?: (path: string) => string
  /** Agent name when the file gives none; default os.hostname(). */
  hostname?: string
  /** Folder that relative ${file:...} and private_key_file paths start from; default the
   * config file's folder (loadAgentConfig) or the working directory. */
  baseDir?: string
}

const TOP_KEYS = ['version', 'tributary', 'policies', 'orb']
const TRIBUTARY_KEYS = ['target', 'client_id', 'client_secret', 'agent_name', 'dry_run', 'dry_run_output_dir', 'status', 'concurrency', 'max_scope_addresses', 'vendors', 'run_history']
const ORB_KEYS = ['labels', 'config_manager', 'secrets_manager', 'backends', 'tributary', 'policies']

/** Loads and validates the agent's configuration file. */
export function loadAgentConfig (file: string, options: LoadOptions = {}): AgentConfig {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new AgentConfigError('', `cannot read config file ${file} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`, { cause: err })
  }
  return parseAgentConfig(text, { baseDir: dirname(resolve(file)), ...options })
}

/** Validates configuration YAML text. */
export function parseAgentConfig (text: string, options: LoadOptions = {}): AgentConfig {
  const doc = parseDocument(text, { prettyErrors: false })
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    const where = e.linePos?.[0] !== undefined ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : ''
    // The YAML library quotes the offending source text, which may hold a secret: keep only its code.
    throw new AgentConfigError('', `invalid YAML${where} (${e.code})`)
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 1000 })
  const read = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'))
  const baseDir = options.baseDir
  const readFile = baseDir === undefined ? read : (p: string) => read(resolve(baseDir, p))
  const { value, referencePaths } = resolveReferences(raw, { env: options.env, readFile })
  return validateAgentConfig(value, { readFile, hostname: options.hostname, references: referencePaths })
}

/** Validates an already parsed and resolved document. */
export function validateAgentConfig (raw: unknown, options: { readFile?: (p: string) => string, hostname?: string, references?: ReadonlySet<string> } = {}): AgentConfig {
  const r = new Reader(options.references)
  const readFile = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'))
  const top = r.map('', raw ?? {}, TOP_KEYS)

  // orb-agent's layout: `orb: { backends: { common: { diode: {...} } }, policies: { <backend>: {...} } }`.
  let base = ''
  let settingsPath = 'tributary'
  let settingsRaw: unknown = top.tributary
  let policiesRaw: unknown = top.policies
  if (top.orb !== undefined) {
    if (top.tributary !== undefined || top.policies !== undefined) r.fail('orb', 'give either the orb: layout or top-level tributary:/policies:, not both')
    base = 'orb'
    const orb = r.map('orb', top.orb, ORB_KEYS)
    const diode = (((orb.backends as Record<string, unknown> | undefined)?.common as Record<string, unknown> | undefined)?.diode)
    if (orb.tributary !== undefined && diode !== undefined) r.fail('orb.tributary', 'give either orb.tributary or orb.backends.common.diode, not both')
    settingsPath = orb.tributary !== undefined ? 'orb.tributary' : 'orb.backends.common.diode'
    settingsRaw = orb.tributary ?? diode
    policiesRaw = orb.policies
  }

  const t = r.optionalMap(settingsPath, settingsRaw, TRIBUTARY_KEYS) ?? {}
  const at = (key: string): string => join(settingsPath, key)
  const agentName = r.optionalString(at('agent_name'), t.agent_name) ?? options.hostname ?? hostname()
  const concurrency = r.optionalInteger(at('concurrency'), t.concurrency, 1, 10_000) ?? DEFAULT_CONCURRENCY
  const maxScopeAddresses = r.optionalInteger(at('max_scope_addresses'), t.max_scope_addresses, 1, 16_777_216) ?? DEFAULT_MAX_SCOPE_ADDRESSES
  const config: AgentConfig = {
    agentName,
    dryRun: r.boolean(at('dry_run'), t.dry_run, false),
    concurrency,
    maxScopeAddresses,
    vendors: parseVendors(r, at('vendors'), t.vendors),
    runHistory: r.optionalInteger(at('run_history'), t.run_history, 1, 1000) ?? DEFAULT_RUN_HISTORY,
    policies: []
  }
  const target = r.optionalString(at('target'), t.target)
  if (target !== undefined) {
    if (!/^(grpcs?|https?):\/\/[^/]+/i.test(target)) r.fail(at('target'), `expected grpc://host:port[/path] or grpcs://host[:port][/path], got ${r.show(at('target'), target)}`)
    config.target = target
  }
  const clientId = r.optionalString(at('client_id'), t.client_id)
  if (clientId !== undefined) config.clientId = clientId
  const clientSecret = r.optionalString(at('client_secret'), t.client_secret)
  if (clientSecret !== undefined) config.clientSecret = clientSecret
  const outDir = r.optionalString(at('dry_run_output_dir'), t.dry_run_output_dir)
  if (outDir !== undefined) config.dryRunOutputDir = outDir
  const status = r.optionalMap(at('status'), t.status, ['listen'])
  // `status: {}` turns the server on at a free loopback port (logged at start).
  if (status !== undefined) config.statusListen = status.listen === undefined || status.listen === null ? { host: '127.0.0.1', port: 0 } : parseListen(r, join(at('status'), 'listen'), status.listen)

  const policiesPath = join(base, 'policies')
  const policies = r.optionalMap(policiesPath, policiesRaw) ?? {}
  const ctx = { reader: r, readFile, fallbackSite: agentName, agentConcurrency: concurrency, maxScopeAddresses }
  const names = new Map<string, string>()
  const add = (name: string, path: string, value: unknown): void => {
    if (names.has(name)) r.fail(path, `policy name "${name}" is also used at ${names.get(name)}`)
    names.set(name, path)
    config.policies.push(parsePolicy(name, path, value, ctx))
  }
  for (const [name, value] of Object.entries(policies)) {
    const path = join(policiesPath, name)
    // Under orb:, policies are grouped by backend (snmp_discovery, device_discovery...).
    if (base === 'orb' && isBackendGroup(value)) {
      for (const [inner, policy] of Object.entries(value as Record<string, unknown>)) add(inner, join(path, inner), policy)
    } else {
      add(name, path, value)
    }
  }
  if (config.policies.length === 0) r.fail(policiesPath, 'no policies: add at least one under policies.<name> with a scope')
  return config
}

/** Checks what the CLI may override after loading: a target unless this is a dry run. */
export function assertSendable (config: AgentConfig, settingsPath = 'tributary'): void {
  if (!config.dryRun && config.target === undefined) {
    throw new AgentConfigError(join(settingsPath, 'target'), 'required unless dry_run is true (or --dry-run is given)')
  }
}

function isBackendGroup (value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const v = value as Record<string, unknown>
  if ('scope' in v || 'config' in v || 'schedule' in v) return false
  return Object.values(v).some((p) => p !== null && typeof p === 'object' && ('scope' in (p as object)))
}

function parseVendors (r: Reader, path: string, raw: unknown): Record<string, string> {
  const m = r.optionalMap(path, raw) ?? {}
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, r.string(join(path, k), v)]))
}

function parseListen (r: Reader, path: string, raw: unknown): StatusListen {
  if (typeof raw === 'number') return { host: '127.0.0.1', port: r.integer(path, raw, 0, 65535) }
  const text = r.string(path, raw).trim()
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(text)
  if (m === null) r.fail(path, `expected host:port (e.g. 127.0.0.1:8070), got ${r.show(path, raw)}`)
  const host = m[1] ?? (m[2] === '' ? '127.0.0.1' : m[2])
  return { host, port: r.integer(path, m[3], 0, 65535) }
}
