// orb-agent's own policy layouts, rewritten into Tributary's scope entries before validation so
// its users can bring their files along: device_discovery (NAPALM) entries become SSH targets,
// snmp_discovery's `scope: { authentication, targets }` becomes SNMP targets.
import { Reader, join } from './reader.ts'
import { SSH_PLATFORMS } from './platforms.ts'

// orb-agent snmp_discovery: `scope: { authentication, targets: [{ host, port, authentication, override_defaults }] }`.
const ORB_SNMP_SCOPE_KEYS = ['authentication', 'targets']
const ORB_SNMP_TARGET_KEYS = ['host', 'port', 'authentication', 'override_defaults']
const ORB_AUTH_KEYS = ['protocol_version', 'community', 'username', 'security_level', 'auth_protocol', 'auth_passphrase', 'priv_protocol', 'priv_passphrase', 'context_name']

// orb-agent device_discovery (NAPALM) scope entries: { hostname, username, password, driver,
// timeout, optional_args: { port, secret } }, read as an SSH target.
export const NAPALM_KEYS = ['username', 'password', 'driver', 'timeout', 'optional_args']
const NAPALM_DRIVERS: Readonly<Record<string, typeof SSH_PLATFORMS[number]>> = {
  ios: 'cisco_ios', iosxe: 'cisco_ios', nxos: 'cisco_nxos', nxos_ssh: 'cisco_nxos', iosxr: 'cisco_xr', eos: 'arista_eos', junos: 'juniper_junos', procurve: 'hp_procurve'
}

export function isMapping (v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

// Rewrites orb-agent's snmp_discovery scope into our scope entries, each with the path the user
// wrote it at. A target's `authentication` replaces the scope's as a whole, as in orb-agent.
export function fromOrbSnmpScope (r: Reader, path: string, raw: Record<string, unknown>, policy: { timeout: unknown, retries: unknown }): Array<[string, unknown]> {
  const scope = r.map(path, raw, ORB_SNMP_SCOPE_KEYS)
  const targetsPath = join(path, 'targets')
  if (scope.targets === undefined) r.fail(targetsPath, 'required: a list of { host: ... }')
  return r.list(targetsPath, scope.targets).map((t, i): [string, unknown] => {
    const at = join(targetsPath, i)
    const target = r.map(at, t, ORB_SNMP_TARGET_KEYS)
    const [authPath, authRaw] = target.authentication !== undefined ? [join(at, 'authentication'), target.authentication] : [join(path, 'authentication'), scope.authentication]
    const snmp: Record<string, unknown> = authRaw === undefined ? {} : fromOrbAuthentication(r, authPath, authRaw)
    if (target.port !== undefined) snmp.port = target.port
    if (policy.timeout !== undefined) snmp.timeout = policy.timeout
    if (policy.retries !== undefined) snmp.retries = policy.retries
    const entry: Record<string, unknown> = { host: target.host, snmp }
    if (target.override_defaults !== undefined) entry.override_defaults = target.override_defaults
    return [at, entry]
  })
}

function fromOrbAuthentication (r: Reader, path: string, raw: unknown): Record<string, unknown> {
  const a = r.map(path, raw, ORB_AUTH_KEYS)
  const { protocol_version: version, security_level: level, ...rest } = a
  const out: Record<string, unknown> = { ...rest }
  if (version !== undefined) {
    out.version = r.oneOf(join(path, 'protocol_version'), version, ['snmpv2c', 'snmpv3'] as const) === 'snmpv3' ? '3' : '2c'
  }
  // orb spells "none" as NoAuth / NoPriv, and the level may switch protocols off.
  const lvl = level === undefined ? undefined : r.oneOf(join(path, 'security_level'), level, ['noauthnopriv', 'authnopriv', 'authpriv'] as const)
  if (typeof out.auth_protocol === 'string' && out.auth_protocol.toLowerCase() === 'noauth') delete out.auth_protocol
  if (typeof out.priv_protocol === 'string' && out.priv_protocol.toLowerCase() === 'nopriv') delete out.priv_protocol
  if (typeof out.priv_protocol === 'string' && /c$/i.test(out.priv_protocol)) r.fail(join(path, 'priv_protocol'), 'the Cisco key-localisation variants (AES192C, AES256C) are not supported')
  if (lvl === 'noauthnopriv') for (const k of ['auth_protocol', 'auth_passphrase', 'priv_protocol', 'priv_passphrase']) delete out[k]
  if (lvl === 'authnopriv') for (const k of ['priv_protocol', 'priv_passphrase']) delete out[k]
  return out
}

export function fromNapalmEntry (r: Reader, path: string, e: Record<string, unknown>): Record<string, unknown> {
  if (!NAPALM_KEYS.some((k) => e[k] !== undefined)) return e
  if (e.ssh !== undefined) r.fail(join(path, 'ssh'), 'give either ssh: or orb-agent style username/password/driver, not both')
  const { username, password, driver, timeout, optional_args: optionalArgs, ...rest } = e
  const ssh: Record<string, unknown> = { username, password }
  if (driver !== undefined) {
    const name = r.string(join(path, 'driver'), driver)
    const platform = NAPALM_DRIVERS[name] ?? (SSH_PLATFORMS as readonly string[]).find((p) => p === name)
    if (platform === undefined) r.fail(join(path, 'driver'), `no SSH driver for "${name}" (known: ${[...Object.keys(NAPALM_DRIVERS), ...SSH_PLATFORMS].join(', ')})`)
    ssh.platform = platform
  }
  if (timeout !== undefined) ssh.timeout = timeout
  const args = r.optionalMap(join(path, 'optional_args'), optionalArgs) ?? {}
  for (const [k, v] of Object.entries(args)) {
    if (k === 'port') ssh.port = v
    else if (k === 'secret') ssh.enable_secret = v
    // Other NAPALM arguments (transport, ssh_config_file...) have no meaning here: ignored.
  }
  return { ...rest, ssh }
}
