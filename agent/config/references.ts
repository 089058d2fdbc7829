// `${ENV}` and `${file:/path}` references, resolved in every string of the config before it is
// validated (orb-agent resolves them only in some keys, and its users tripped over a literal
// placeholder reaching the server: orb-agent#457). `$${` stands for a literal `${`.
import { readFileSync } from 'node:fs'
import { ConfigReferenceError } from '../errors.ts'

export interface ReferenceSources {
  /** Environment to read `${NAME}` from; default process.env. */
  env?: Record<string, string | undefined>
  /** Reads a `${file:...}` path; default readFileSync(path, 'utf8'). */
  readFile?: (path: string) => string
}

export interface Resolved<T> {
  value: T
  /** Dotted paths of the strings that held a reference: their values are never echoed in errors. */
  referencePaths: Set<string>
}

const REFERENCE = /\$\$\{|\$\{([^}]*)\}/g
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Returns a copy of `value` with every reference in its strings replaced. */
export function resolveReferences<T> (value: T, sources: ReferenceSources = {}, path = ''): Resolved<T> {
  const env = sources.env ?? process.env
  const readFile = sources.readFile ?? ((p: string) => readFileSync(p, 'utf8'))
  const referencePaths = new Set<string>()
  const walk = (v: unknown, at: string): unknown => {
    if (typeof v === 'string') return resolveString(v, at)
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${at}[${i}]`))
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, at === '' ? k : `${at}.${k}`)]))
    }
    return v
  }
  const resolveString = (s: string, at: string): string => {
    if (!s.includes('${')) return s
    let referenced = false
    const out = s.replace(REFERENCE, (match, body: string | undefined) => {
      if (match === '$${') return '${'
      referenced = true
      return resolveOne((body ?? '').trim(), at)
    })
    if (referenced) referencePaths.add(at)
    return out
  }
  const resolveOne = (body: string, at: string): string => {
    if (body.startsWith('file:')) {
      const file = body.slice('file:'.length)
      if (file === '') throw new ConfigReferenceError(at, '${file:} needs a path')
      try {
        // A trailing newline is an artefact of editors and `echo`, never part of a secret.
        return readFile(file).replace(/\r?\n$/, '')
      } catch (err) {
        const reason = (err as NodeJS.ErrnoException).code ?? 'unreadable'
        throw new ConfigReferenceError(at, `cannot read file ${file} (${reason})`, { cause: err })
      }
    }
    const name = body.startsWith('env:') ? body.slice('env:'.length) : body
    if (!ENV_NAME.test(name)) {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(body)?.[1]
      throw new ConfigReferenceError(at, scheme !== undefined
        ? `unsupported reference scheme "${scheme}" (use \${NAME} or \${file:/path})`
        : `"\${${body}}" is not a valid reference (use \${NAME} or \${file:/path})`)
    }
    const value = env[name]
    if (value === undefined) throw new ConfigReferenceError(at, `environment variable ${name} is not set`)
    return value
  }
  return { value: walk(value, path) as T, referencePaths }
}
