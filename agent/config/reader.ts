// Small typed readers for configuration values that arrive as `unknown`. Each error starts with
// the dotted path of the key; a value is echoed only when it cannot be a secret (its key is not
// a secret key and it did not come from a ${...} reference).
import { AgentConfigError } from '../errors.ts'

const SECRET_KEY = /(password|passphrase|secret|community|auth_key|priv_key|private_key|token|client_secret)$/i

export class Reader {
  readonly #references: ReadonlySet<string>
  constructor (references: ReadonlySet<string> = new Set()) {
    this.#references = references
  }

  fail (path: string, message: string): never {
    throw new AgentConfigError(path, message)
  }

  /** A short description of a value for an error message, or only its type when it may be secret. */
  show (path: string, value: unknown): string {
    const key = path.split('.').pop() ?? ''
    if (this.#references.has(path) || SECRET_KEY.test(key.replace(/\[\d+\]$/, ''))) return `a ${kindOf(value)}`
    const text = JSON.stringify(value) ?? String(value)
    return text.length > 60 ? `${text.slice(0, 57)}...` : text
  }

  map (path: string, value: unknown, allowed?: readonly string[]): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, `expected a mapping, got ${this.show(path, value)}`)
    const obj = value as Record<string, unknown>
    if (allowed !== undefined) {
      for (const key of Object.keys(obj)) {
        if (!allowed.includes(key)) this.fail(join(path, key), `unknown key (expected one of: ${allowed.join(', ')})`)
      }
    }
    return obj
  }

  optionalMap (path: string, value: unknown, allowed?: readonly string[]): Record<string, unknown> | undefined {
    return value === undefined || value === null ? undefined : this.map(path, value, allowed)
  }

  list (path: string, value: unknown): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected a list, got ${this.show(path, value)}`)
    return value
  }

  string (path: string, value: unknown): string {
    if (typeof value === 'number') {
      // YAML reads unquoted digits as a number ("0123" becomes 123): harmless for a site name,
      // a silently different secret for a community or password.
      if (SECRET_KEY.test(path)) this.fail(path, 'expected a string: put the value in quotes (YAML reads unquoted digits as a number)')
      return String(value)
    }
    if (typeof value !== 'string') this.fail(path, `expected a string, got ${this.show(path, value)}`)
    if (value.trim() === '') this.fail(path, 'must not be empty')
    return value
  }

  optionalString (path: string, value: unknown): string | undefined {
    return value === undefined || value === null ? undefined : this.string(path, value)
  }

  boolean (path: string, value: unknown, fallback: boolean): boolean {
    if (value === undefined || value === null) return fallback
    if (typeof value === 'boolean') return value
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true'
    this.fail(path, `expected true or false, got ${this.show(path, value)}`)
  }

  integer (path: string, value: unknown, min: number, max: number): number {
    const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
    if (typeof n !== 'number' || !Number.isInteger(n)) this.fail(path, `expected an integer, got ${this.show(path, value)}`)
    if (n < min || n > max) this.fail(path, `expected an integer from ${min} to ${max}, got ${n}`)
    return n
  }

  optionalInteger (path: string, value: unknown, min: number, max: number): number | undefined {
    return value === undefined || value === null ? undefined : this.integer(path, value, min, max)
  }

  /** A duration in ms: "500ms", "5s", "2m", "1h", or a bare number of seconds (as orb-agent). */
  duration (path: string, value: unknown): number {
    if (typeof value === 'number' && value > 0 && Number.isFinite(value)) return Math.round(value * 1000)
    if (typeof value === 'string') {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value)
      if (m !== null && Number(m[1]) > 0) {
        const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h']
        return Math.round(Number(m[1]) * unit)
      }
    }
    this.fail(path, `expected a positive duration such as "500ms", "5s" or "2m" (a bare number is seconds), got ${this.show(path, value)}`)
  }

  optionalDuration (path: string, value: unknown): number | undefined {
    return value === undefined || value === null ? undefined : this.duration(path, value)
  }

  oneOf<T extends string> (path: string, value: unknown, choices: readonly T[], aliases: Record<string, T> = {}): T {
    const text = typeof value === 'number' ? String(value) : value
    if (typeof text === 'string') {
      const k = text.trim().toLowerCase()
      if ((choices as readonly string[]).includes(k)) return k as T
      if (aliases[k] !== undefined) return aliases[k]
    }
    this.fail(path, `expected ${choices.map((c) => `"${c}"`).join(' or ')}, got ${this.show(path, value)}`)
  }

  stringList (path: string, value: unknown): string[] {
    if (typeof value === 'string') return [this.string(path, value)]
    return this.list(path, value).map((v, i) => this.string(`${path}[${i}]`, v))
  }
}

export function join (path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path === '' ? key : `${path}.${key}`
}

function kindOf (value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'list'
  return typeof value === 'object' ? 'mapping' : typeof value
}
