// known_hosts in OpenSSH's format (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"): one key per line,
// "[marker] hostpatterns keytype base64key [comment]". Non-22 ports are written "[host]:port";
// hashed names are "|1|base64(salt)|base64(HMAC-SHA1(salt, name))". Reading it ourselves keeps the
// collector independent of ~/.ssh and lets a policy point at its own file.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'

export interface KnownHostEntry {
  marker?: 'cert-authority' | 'revoked'
  /** The host field as written: comma-separated patterns or one hashed name. */
  hosts: string
  keyType: string
  key: Buffer
  /** 1-based line number, for messages. */
  line: number
}

export type HostKeyStatus = 'match' | 'unknown' | 'changed' | 'revoked'

/** The name OpenSSH looks up for host:port. */
export function knownHostName (host: string, port: number): string {
  const h = host.toLowerCase()
  return port === 22 ? h : `[${h}]:${port}`
}

export function parseKnownHosts (text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '' || line.startsWith('#')) continue
    const fields = line.split(/\s+/)
    let marker: KnownHostEntry['marker']
    if (fields[0].startsWith('@')) {
      const m = fields.shift()!.slice(1)
      if (m !== 'cert-authority' && m !== 'revoked') continue
      marker = m
    }
    if (fields.length < 3) continue
    const [hosts, keyType, b64] = fields
    const key = Buffer.from(b64, 'base64')
    // A blob that does not start with its own type name is corrupt; skipping it is what ssh does.
    if (key.length === 0 || keyTypeOf(key) !== keyType) continue
    entries.push({ marker, hosts, keyType, key, line: i + 1 })
  }
  return entries
}

/** The key type name stored at the start of an SSH public key blob (RFC 4253 section 6.6). */
export function keyTypeOf (blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined
  const len = blob.readUInt32BE(0)
  if (len === 0 || len > 64 || blob.length < 4 + len) return undefined
  return blob.subarray(4, 4 + len).toString('latin1')
}

/** "SHA256:..." as ssh-keygen -l prints it; public, safe to log. */
export function fingerprint (blob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')
}

function globToRegExp (pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${body}$`, 'i')
}

function hashedMatches (field: string, name: string): boolean {
  const parts = field.split('|')
  // "|1|salt|hash" splits into ['', '1', salt, hash]
  if (parts.length !== 4 || parts[1] !== '1') return false
  const salt = Buffer.from(parts[2], 'base64')
  const want = Buffer.from(parts[3], 'base64')
  const got = createHmac('sha1', salt).update(name).digest()
  return want.length === got.length && timingSafeEqual(want, got)
}

/** True when the entry's host field names `name` (already in "[host]:port" form when needed). */
export function hostFieldMatches (hosts: string, name: string): boolean {
  if (hosts.startsWith('|')) return hashedMatches(hosts, name)
  let matched = false
  for (const raw of hosts.split(',')) {
    const negated = raw.startsWith('!')
    const pattern = negated ? raw.slice(1) : raw
    if (pattern === '' || !globToRegExp(pattern).test(name)) continue
    // A matching negation excludes the host from this line whatever else matches (sshd(8)).
    if (negated) return false
    matched = true
  }
  return matched
}

/** Entries for `name`, excluding certificate authorities (certificates are not supported). */
export function entriesFor (entries: readonly KnownHostEntry[], name: string): KnownHostEntry[] {
  return entries.filter((e) => e.marker !== 'cert-authority' && hostFieldMatches(e.hosts, name))
}

/**
 * What the known entries say about `key` for `name`. A key of a type the file has no entry for is
 * "unknown" (OpenSSH treats it as a new key, not a changed one); a different key of a known type
 * is "changed".
 */
export function checkHostKey (entries: readonly KnownHostEntry[], name: string, key: Buffer): HostKeyStatus {
  const mine = entriesFor(entries, name)
  if (mine.some((e) => e.marker === 'revoked' && e.key.equals(key))) return 'revoked'
  const type = keyTypeOf(key)
  const plain = mine.filter((e) => e.marker === undefined)
  if (plain.some((e) => e.key.equals(key))) return 'match'
  if (plain.some((e) => e.keyType === type)) return 'changed'
  return 'unknown'
}

export async function readKnownHosts (file: string): Promise<KnownHostEntry[]> {
  try {
    return parseKnownHosts(await readFile(file, 'utf8'))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}

/** Appends one plain (unhashed) line; O_APPEND keeps concurrent writers' lines whole. */
export async function appendKnownHost (file: string, name: string, key: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  const type = keyTypeOf(key)
  if (type === undefined) throw new Error('not an SSH public key blob')
  await appendFile(file, `${name} ${type} ${key.toString('base64')}\n`, { mode: 0o600 })
}

// ssh2's host key algorithm order, with the algorithms a key type can be negotiated as. Listing
// the types the file already knows first makes the server present the key we can verify, as
// OpenSSH's HostKeyAlgorithms ordering does.
const HOST_KEY_ALGORITHMS: Record<string, string[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']
}

/** The server host key algorithms to offer, known types first; undefined keeps ssh2's defaults. */
export function preferredHostKeyAlgorithms (known: readonly KnownHostEntry[]): string[] | undefined {
  const first = [...new Set(known.filter((e) => e.marker === undefined).flatMap((e) => HOST_KEY_ALGORITHMS[e.keyType] ?? []))]
  if (first.length === 0) return undefined
  const all = Object.values(HOST_KEY_ALGORITHMS).flat()
  return [...first, ...all.filter((a) => !first.includes(a))]
}
