// The target URLs of `tributary discover`: snmp://COMMUNITY@HOST[:PORT] (v2c),
// snmpv3://USER@HOST[:PORT]?auth=sha&priv=aes and ssh://USER@HOST[:PORT]?platform=cisco_ios.
// Secrets in a URL (the community, an ssh password) are taken but never repeated: every error
// here describes the URL by its scheme and host only.
import type { SnmpAuthProtocol, SnmpPrivProtocol, SnmpTargetSettings, SshTargetSettings, HostKeyPolicy } from './model.ts'
import { SSH_PLATFORMS } from './config/platforms.ts'

export const DISCOVER_URL_FORMS = 'snmp://COMMUNITY@HOST[:PORT], snmpv3://USER@HOST[:PORT]?auth=sha&priv=aes, or ssh://USER@HOST[:PORT]?platform=cisco_ios'

/** A URL that cannot be used; the message never contains the URL's secrets. */
export class DiscoverUrlError extends Error {
  readonly code = 'ERR_AGENT_DISCOVER_URL'
  constructor (message: string) {
    super(message)
    this.name = 'DiscoverUrlError'
  }
}

/** Secrets that come from flags or the environment rather than the URL. */
export interface DiscoverSecrets {
  authKey?: string
  privKey?: string
  password?: string
  privateKey?: string
  passphrase?: string
  enableSecret?: string
  hostKeyPolicy?: HostKeyPolicy
  knownHostsFile?: string
}

export type DiscoverTarget =
  | { kind: 'snmp', host: string, settings: SnmpTargetSettings }
  | { kind: 'ssh', host: string, settings: SshTargetSettings }

const AUTH: readonly SnmpAuthProtocol[] = ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']
const PRIV: readonly SnmpPrivProtocol[] = ['des', 'aes', 'aes192', 'aes256']

export function parseDiscoverUrl (text: string, secrets: DiscoverSecrets = {}): DiscoverTarget {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase()
  if (scheme === undefined) throw new DiscoverUrlError(`not a discovery URL: expected ${DISCOVER_URL_FORMS}`)
  if (scheme !== 'snmp' && scheme !== 'snmpv3' && scheme !== 'ssh') throw new DiscoverUrlError(`unsupported scheme "${scheme}://": expected ${DISCOVER_URL_FORMS}`)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new DiscoverUrlError(`malformed ${scheme}:// URL (percent-encode "@", "/", ":" or "#" in a community or user name): expected ${DISCOVER_URL_FORMS}`)
  }
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (host === '') throw new DiscoverUrlError(`${scheme}:// URL has no host: expected ${DISCOVER_URL_FORMS}`)
  const where = `${scheme}://…@${url.hostname}`
  const port = url.port === '' ? undefined : Number(url.port)
  if (url.pathname !== '' && url.pathname !== '/') throw new DiscoverUrlError(`${where}: a path is not allowed`)
  const params = new Map<string, string>()
  for (const [k, v] of url.searchParams) {
    if (params.has(k)) throw new DiscoverUrlError(`${where}: query parameter "${k}" given twice`)
    params.set(k, v)
  }
  const allow = (names: string[]): void => {
    for (const k of params.keys()) if (!names.includes(k)) throw new DiscoverUrlError(`${where}: unknown query parameter "${k}" (allowed: ${names.length === 0 ? 'none' : names.join(', ')})`)
  }
  const decode = (s: string, what: string): string => {
    try { return decodeURIComponent(s) } catch { throw new DiscoverUrlError(`${where}: the ${what} is not valid percent-encoding`) }
  }

  if (scheme === 'snmp') {
    allow([])
    if (url.username === '') throw new DiscoverUrlError(`${scheme}://${url.hostname}: the community goes before the host: snmp://COMMUNITY@HOST`)
    if (url.password !== '') throw new DiscoverUrlError(`${where}: the community must not contain ":" unencoded (write %3A)`)
    const settings: SnmpTargetSettings = { host, credentials: [{ version: '2c', community: decode(url.username, 'community') }] }
    if (port !== undefined) settings.port = port
    return { kind: 'snmp', host, settings }
  }

  if (scheme === 'snmpv3') {
    allow(['auth', 'priv', 'context'])
    if (url.username === '') throw new DiscoverUrlError(`${scheme}://${url.hostname}: the user goes before the host: snmpv3://USER@HOST`)
    if (url.password !== '') throw new DiscoverUrlError(`${where}: keys do not go in the URL: use --auth-key/--priv-key or TRIBUTARY_SNMP_AUTH_KEY/TRIBUTARY_SNMP_PRIV_KEY`)
    const credential: SnmpTargetSettings['credentials'][number] = { version: '3', username: decode(url.username, 'user name') }
    const auth = params.get('auth')?.toLowerCase()
    const priv = params.get('priv')?.toLowerCase()
    if (auth !== undefined) {
      const protocol = auth === 'sha1' ? 'sha' : auth
      if (!(AUTH as readonly string[]).includes(protocol)) throw new DiscoverUrlError(`${where}: auth must be one of ${AUTH.join(', ')}`)
      if (secrets.authKey === undefined || secrets.authKey === '') throw new DiscoverUrlError(`${where}: auth=${protocol} needs a key: --auth-key or TRIBUTARY_SNMP_AUTH_KEY`)
      credential.authProtocol = protocol as SnmpAuthProtocol
      credential.authKey = secrets.authKey
    }
    if (priv !== undefined) {
      const protocol = priv === 'aes128' ? 'aes' : priv
      if (credential.authProtocol === undefined) throw new DiscoverUrlError(`${where}: priv needs auth as well (e.g. ?auth=sha&priv=aes)`)
      if (!(PRIV as readonly string[]).includes(protocol)) throw new DiscoverUrlError(`${where}: priv must be one of ${PRIV.join(', ')}`)
      if (secrets.privKey === undefined || secrets.privKey === '') throw new DiscoverUrlError(`${where}: priv=${protocol} needs a key: --priv-key or TRIBUTARY_SNMP_PRIV_KEY`)
      credential.privProtocol = protocol as SnmpPrivProtocol
      credential.privKey = secrets.privKey
    }
    const context = params.get('context')
    if (context !== undefined && context !== '') credential.context = context
    const settings: SnmpTargetSettings = { host, credentials: [credential] }
    if (port !== undefined) settings.port = port
    return { kind: 'snmp', host, settings }
  }

  allow(['platform'])
  if (url.username === '') throw new DiscoverUrlError(`${scheme}://${url.hostname}: the user goes before the host: ssh://USER@HOST`)
  const platform = params.get('platform')
  if (platform !== undefined && !(SSH_PLATFORMS as readonly string[]).includes(platform)) {
    throw new DiscoverUrlError(`${where}: platform must be one of ${SSH_PLATFORMS.join(', ')} (or left out to detect it)`)
  }
  // Flags and environment win over a password written into the URL.
  const password = secrets.password ?? (url.password !== '' ? decode(url.password, 'password') : undefined)
  if (password === undefined && secrets.privateKey === undefined) {
    throw new DiscoverUrlError(`${where}: needs a password (--password or TRIBUTARY_SSH_PASSWORD) or a key (--key FILE)`)
  }
  const credential: SshTargetSettings['credentials'][number] = { username: decode(url.username, 'user name') }
  if (password !== undefined) credential.password = password
  if (secrets.privateKey !== undefined) credential.privateKey = secrets.privateKey
  if (secrets.passphrase !== undefined) credential.passphrase = secrets.passphrase
  if (secrets.enableSecret !== undefined) credential.enableSecret = secrets.enableSecret
  const settings: SshTargetSettings = { host, credentials: [credential] }
  if (port !== undefined) settings.port = port
  if (platform !== undefined) settings.platform = platform
  if (secrets.hostKeyPolicy !== undefined) settings.hostKeyPolicy = secrets.hostKeyPolicy
  if (secrets.knownHostsFile !== undefined) settings.knownHostsFile = secrets.knownHostsFile
  return { kind: 'ssh', host, settings }
}
