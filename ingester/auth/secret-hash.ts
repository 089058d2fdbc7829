// Client secrets are stored as scrypt hashes with a random salt: a stolen database gives no
// usable credentials, and each guess costs tens of milliseconds.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const N = 16384
const R = 8
const P = 1
const KEY_LENGTH = 32

function derive (secret: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, { ...options, maxmem: 256 * 1024 * 1024 }, (err, key) => err ? reject(err) : resolve(key))
  })
}

/** Returns "scrypt$N$r$p$salt$hash" (base64url parts). */
export async function hashSecret (secret: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await derive(secret, salt, { N, r: R, p: P }, KEY_LENGTH)
  return ['scrypt', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

/** Compares in constant time; false for a malformed stored value. */
export async function verifySecret (secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [n, r, p] = parts.slice(1, 4).map((x) => Number.parseInt(x!, 10))
  const salt = Buffer.from(parts[4]!, 'base64url')
  const expected = Buffer.from(parts[5]!, 'base64url')
  if (!n || !r || !p || expected.length === 0) return false
  const actual = await derive(secret, salt, { N: n, r, p }, expected.length)
  return timingSafeEqual(actual, expected)
}
