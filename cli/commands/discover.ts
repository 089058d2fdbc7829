// `tributary discover URL [URL]`: discovers one device once and prints the entities the agent
// would send, or sends them with --ingest. How a person checks a device before writing a policy.
import { parseArgs } from 'node:util'
import { readFileSync } from 'node:fs'
import type { Writable } from 'node:stream'
import pino from 'pino'
import { createLogger } from '../../config/logger.ts'
import type { Logger } from '../../config/logger.ts'
import {
  parseDiscoverUrl, DiscoverUrlError, DISCOVER_URL_FORMS, defaultCollectors, mergeDevices, toEntities
} from '../../agent/index.ts'
import type { Collectors, DiscoverTarget, DeviceDefaults, HostKeyPolicy, CollectResult } from '../../agent/index.ts'
import { createClient, SdkError } from '../../sdk/index.ts'
import type { ClientOptions, Ingestor } from '../../sdk/index.ts'
import { toProtoJson } from '../../proto/index.ts'
import { version } from '../index.ts'

/** Time the whole discovery may take unless --timeout says otherwise, in ms. */
export const DEFAULT_DISCOVER_TIMEOUT = 120_000

export const help = `tributary discover: discover one device over SNMP and/or SSH and print its entities.

Reads the device once and prints what the agent would send, as one JSON array of diode.v1
Entity messages with protobuf field names (snake_case); or sends them with --ingest and prints
the request ids. Give an SNMP URL, an SSH URL, or one of each for the same device (their results
are merged, SSH winning). Secrets go in flags or the environment, and are never printed.

Usage: tributary discover [options] URL [URL]

URLs:
  snmp://COMMUNITY@HOST[:PORT]                       SNMP v2c (percent-encode @ / : # in the community)
  snmpv3://USER@HOST[:PORT][?auth=sha&priv=aes]      SNMP v3; auth: md5 sha sha224 sha256 sha384 sha512,
                                                     priv: des aes aes192 aes256; &context=NAME
  ssh://USER@HOST[:PORT][?platform=cisco_ios]        SSH; platform: cisco_ios cisco_nxos cisco_xr
                                                     arista_eos juniper_junos hp_procurve linux (else detected)

Options:
      --auth-key KEY         SNMPv3 authentication key (default TRIBUTARY_SNMP_AUTH_KEY)
      --priv-key KEY         SNMPv3 privacy key (default TRIBUTARY_SNMP_PRIV_KEY)
      --password PW          SSH password (default TRIBUTARY_SSH_PASSWORD)
      --key FILE             SSH private key file
      --passphrase PW        passphrase of the key (default TRIBUTARY_SSH_KEY_PASSPHRASE)
      --enable-secret PW     enable secret (default TRIBUTARY_SSH_ENABLE_SECRET)
      --host-key-policy P    strict, accept-new or off (default: the SSH layer's, strict)
      --known-hosts FILE     known_hosts file for host key checks
      --site NAME            site of the device (default: tributary)
      --role NAME            device role (default: network-device)
      --tenant NAME          tenant of the device
      --timeout DURATION     time for the whole discovery, e.g. 30s, 2m (default 120s)
      --ingest TARGET        send to this ingester (grpc://host:8080/diode) instead of printing
      --client-id ID         OAuth2 client id for --ingest (default DIODE_CLIENT_ID)
      --client-secret S      OAuth2 client secret for --ingest (default DIODE_CLIENT_SECRET)
      --log-level LEVEL      log level on stderr (default warn)

Examples:
  tributary discover snmp://public@192.0.2.10
  TRIBUTARY_SNMP_AUTH_KEY=... TRIBUTARY_SNMP_PRIV_KEY=... \\
    tributary discover 'snmpv3://monitor@core1.example.net?auth=sha256&priv=aes' --site DC1
  TRIBUTARY_SSH_PASSWORD=... tributary discover 'ssh://netops@192.0.2.10?platform=cisco_ios' \\
    --host-key-policy accept-new --known-hosts ~/.ssh/known_hosts
  tributary discover snmp://public@192.0.2.10 --ingest grpc://127.0.0.1:8080/diode
`

export interface DiscoverCommandDeps {
  stdout: Writable
  stderr: Writable
  env?: Record<string, string | undefined>
  collectors?: Collectors
  createIngestor?: (options: ClientOptions) => Promise<Ingestor>
  logger?: Logger
}

export async function run (args: string[]): Promise<number> {
  return await runDiscover(args, { stdout: process.stdout, stderr: process.stderr })
}

export async function runDiscover (args: string[], deps: DiscoverCommandDeps): Promise<number> {
  const env = deps.env ?? process.env
  const err = (line: string): void => { deps.stderr.write(`tributary discover: ${line}\n`) }
  let values, positionals
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        'auth-key': { type: 'string' },
        'priv-key': { type: 'string' },
        password: { type: 'string' },
        key: { type: 'string' },
        passphrase: { type: 'string' },
        'enable-secret': { type: 'string' },
        'host-key-policy': { type: 'string' },
        'known-hosts': { type: 'string' },
        site: { type: 'string' },
        role: { type: 'string' },
        tenant: { type: 'string' },
        timeout: { type: 'string' },
        ingest: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'log-level': { type: 'string' }
      }
    }))
  } catch (e) {
    // parseArgs quotes unknown options, never values: safe to show.
    err(`${(e as Error).message}\n\n${help}`)
    return 2
  }
  if (positionals.length === 0 || positionals.length > 2) {
    err(`expected one or two URLs: ${DISCOVER_URL_FORMS}`)
    return 2
  }
  const hostKeyPolicy = values['host-key-policy']
  if (hostKeyPolicy !== undefined && !['strict', 'accept-new', 'off'].includes(hostKeyPolicy)) {
    err('--host-key-policy: expected strict, accept-new or off')
    return 2
  }
  const timeout = parseDuration(values.timeout)
  if (timeout === undefined) {
    err('--timeout: expected a positive duration such as 30s or 2m')
    return 2
  }

  let privateKey: string | undefined
  if (values.key !== undefined) {
    try {
      privateKey = readFileSync(values.key, 'utf8')
    } catch (e) {
      err(`--key: cannot read ${values.key} (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`)
      return 2
    }
  }
  const pick = (flag: string | undefined, name: string): string | undefined => flag ?? (env[name] !== '' ? env[name] : undefined)
  const secrets = {
    authKey: pick(values['auth-key'], 'TRIBUTARY_SNMP_AUTH_KEY'),
    privKey: pick(values['priv-key'], 'TRIBUTARY_SNMP_PRIV_KEY'),
    password: pick(values.password, 'TRIBUTARY_SSH_PASSWORD'),
    privateKey,
    passphrase: pick(values.passphrase, 'TRIBUTARY_SSH_KEY_PASSPHRASE'),
    enableSecret: pick(values['enable-secret'], 'TRIBUTARY_SSH_ENABLE_SECRET'),
    hostKeyPolicy: hostKeyPolicy as HostKeyPolicy | undefined,
    knownHostsFile: values['known-hosts']
  }
  const defined = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== undefined))

  let targets: DiscoverTarget[]
  try {
    targets = positionals.map((u) => parseDiscoverUrl(u, defined))
  } catch (e) {
    if (e instanceof DiscoverUrlError) { err(e.message); return 2 }
    throw e
  }
  if (targets.length === 2 && targets[0].kind === targets[1].kind) {
    err(`two ${targets[0].kind} URLs: give at most one SNMP and one SSH URL for the same device`)
    return 2
  }
  const allSecrets = [...targets.flatMap(secretValues), secrets.authKey, secrets.privKey, secrets.password, secrets.passphrase, secrets.enableSecret, values['client-secret']]
    .filter((s): s is string => s !== undefined && s.length >= 4)
  const scrub = (text: string): string => allSecrets.reduce((t, s) => t.split(s).join('[Redacted]'), text)

  const logger = deps.logger ?? createLogger({ level: values['log-level'] ?? 'warn', destination: pino.destination({ fd: 2, sync: true }) })
  const collectors = { ...defaultCollectors, ...deps.collectors }
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new Error(`discovery took longer than --timeout (${timeout} ms)`)), timeout)
  const onSigint = (): void => controller.abort(new Error('interrupted'))
  process.once('SIGINT', onSigint)
  const options = { logger, signal: controller.signal, deadline: Date.now() + timeout }
  let results: Array<{ kind: 'snmp' | 'ssh', result?: CollectResult, error?: unknown }>
  try {
    results = await Promise.all(targets.map(async (t) => {
      try {
        const result = t.kind === 'snmp' ? await collectors.snmp(t.settings, options) : await collectors.ssh(t.settings, options)
        return { kind: t.kind, result }
      } catch (error) {
        return { kind: t.kind, error }
      }
    }))
  } finally {
    clearTimeout(timer)
    process.off('SIGINT', onSigint)
  }

  for (const r of results) {
    if (r.error === undefined) continue
    const code = (r.error as { code?: unknown }).code
    err(scrub(`${r.kind} ${targets[0].host}: ${(r.error as Error)?.message ?? String(r.error)}${typeof code === 'string' ? ` [${code}]` : ''}`))
  }
  const ok = results.filter((r) => r.result !== undefined)
  if (ok.length === 0) return 1
  for (const r of ok) for (const w of r.result!.warnings ?? []) err(scrub(`warning: ${r.kind} ${w.phase}: ${w.message} [${w.code}]`))

  const defaults: DeviceDefaults = {}
  if (values.site !== undefined) defaults.site = values.site
  if (values.role !== undefined) defaults.role = values.role
  if (values.tenant !== undefined) defaults.tenant = values.tenant
  const device = mergeDevices(ok.find((r) => r.kind === 'snmp')?.result?.device, ok.find((r) => r.kind === 'ssh')?.result?.device)
  const entities = toEntities(device, defaults)

  if (values.ingest === undefined) {
    deps.stdout.write(JSON.stringify(entities.map((e) => toProtoJson('Entity', e)), null, 2) + '\n')
    return 0
  }
  let client: Ingestor | undefined
  try {
    const clientOptions: ClientOptions = {
      target: values.ingest,
      appName: 'tributary-discover',
      appVersion: version(),
      logger,
      ...(values['client-id'] !== undefined ? { clientId: values['client-id'] } : {}),
      ...(values['client-secret'] !== undefined ? { clientSecret: values['client-secret'] } : {})
    }
    client = await (deps.createIngestor ?? createClient)(clientOptions)
    const result = await client.ingest(entities, { metadata: { producer: 'tributary-discover', target: targets[0].host } })
    for (const id of result.requestIds) deps.stdout.write(id + '\n')
    if (result.errors.length > 0) {
      err(scrub(`the ingester reported ${result.errors.length} error(s): ${result.errors.join('; ')}`))
      return 1
    }
    return 0
  } catch (e) {
    err(scrub(e instanceof SdkError ? `${e.message} [${e.code}]` : (e as Error).message))
    return 1
  } finally {
    await client?.close()
  }
}

function secretValues (t: DiscoverTarget): Array<string | undefined> {
  if (t.kind === 'snmp') return t.settings.credentials.flatMap((c) => [c.community, c.authKey, c.privKey])
  return t.settings.credentials.flatMap((c) => [c.password, c.passphrase, c.enableSecret])
}

function parseDuration (text: string | undefined): number | undefined {
  if (text === undefined) return DEFAULT_DISCOVER_TIMEOUT
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text)
  if (m === null || Number(m[1]) <= 0) return undefined
  return Math.round(Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm'])
}
