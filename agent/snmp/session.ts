// One SNMP conversation with one target and one credential: promise-returning get / getNext /
// getBulk over net-snmp, bounded by the per-request timeout and retries, the whole-target deadline
// and an AbortSignal. Library errors become SnmpError subclasses whose messages and causes carry
// no secret.
import { isIPv6 } from 'node:net'
import snmp, { type Session as NetSnmpSession, type SessionOptions as NetSnmpOptions, type User as NetSnmpUser } from 'net-snmp'
import type { SnmpCredential } from '../model.ts'
import {
  SnmpAbortError, SnmpAgentError, SnmpAuthError, SnmpDeadlineError, SnmpError, SnmpInvalidResponseError,
  SnmpSettingsError, SnmpSocketError, SnmpTimeoutError, scrubError
} from './errors.ts'
import { PRIV_AES192, installUsmCiphers } from './usm-ciphers.ts'

export interface Varbind { oid: string, type: number, value: unknown }

export interface SessionSettings {
  host: string
  port: number
  /** Per-request timeout in ms. */
  timeout: number
  retries: number
  /** Absolute ms epoch after which every request fails with ERR_SNMP_DEADLINE. */
  deadline?: number
  signal?: AbortSignal
}

/** What the collector is doing, for error messages: a name and when it started (ms epoch). */
export interface Phase { name: string, start: number }

const AUTH: Record<string, string> = { md5: 'md5', sha: 'sha', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' }

function privProtocol (name: string, path = 'credentials'): number {
  switch (name) {
    case 'des': return snmp.PrivProtocols.des as number
    case 'aes': return snmp.PrivProtocols.aes as number
    case 'aes192': return PRIV_AES192
    // Net-SNMP's and the draft's key extension; Cisco's "AES-256C" (Reeder) is not offered.
    case 'aes256': return snmp.PrivProtocols.aes256b as number
    default: throw new SnmpSettingsError(`${path}.privProtocol: unknown privacy protocol "${name}" (des, aes, aes192, aes256)`)
  }
}

/** Throws SnmpSettingsError, naming the field under `path`, for a credential that cannot work. */
export function validateCredential (c: SnmpCredential, path = 'credentials'): void {
  if (c.version === '3') {
    if (c.username === undefined || c.username === '') throw new SnmpSettingsError(`${path}.username: required for SNMPv3`)
    if (c.authProtocol !== undefined || c.authKey !== undefined) {
      if (AUTH[c.authProtocol ?? 'sha'] === undefined) throw new SnmpSettingsError(`${path}.authProtocol: unknown authentication protocol "${c.authProtocol}" (md5, sha, sha224, sha256, sha384, sha512)`)
      if (c.authKey === undefined || c.authKey.length < 8) throw new SnmpSettingsError(`${path}.authKey: required with authProtocol, at least 8 characters (RFC 3414)`)
    } else if (c.privProtocol !== undefined || c.privKey !== undefined) {
      throw new SnmpSettingsError(`${path}.privProtocol: privacy needs authentication (authProtocol and authKey)`)
    }
    if (c.privProtocol !== undefined || c.privKey !== undefined) {
      privProtocol(c.privProtocol ?? 'aes', path)
      if (c.privKey === undefined || c.privKey.length < 8) throw new SnmpSettingsError(`${path}.privKey: required with privProtocol, at least 8 characters (RFC 3414)`)
    }
  } else if (c.version === '2c') {
    if (typeof c.community !== 'string') throw new SnmpSettingsError(`${path}.community: required for SNMP v2c`)
  } else {
    throw new SnmpSettingsError(`${path}.version: "${String((c as { version?: unknown }).version)}" is not 2c or 3`)
  }
}

/** The secret strings of a credential, to scrub from any message. */
export function credentialSecrets (c: SnmpCredential): string[] {
  return [c.community, c.authKey, c.privKey].filter((s): s is string => typeof s === 'string' && s.length > 0)
}

export class SnmpSession {
  readonly target: string
  readonly #settings: SessionSettings
  readonly #secrets: string[]
  readonly #session: NetSnmpSession
  #stopped: 'deadline' | 'abort' | 'closed' | undefined
  #undecodable: Error | undefined
  #deadlineTimer: NodeJS.Timeout | undefined
  readonly #onAbort: () => void
  readonly #timeoutHint: string | undefined
  /** Requests sent, by PDU kind; the walker reports these and the benchmark reads them. */
  readonly requests = { get: 0, getNext: 0, getBulk: 0 }

  constructor (settings: SessionSettings, credential: SnmpCredential) {
    installUsmCiphers()
    this.#settings = settings
    this.target = `${isIPv6(settings.host) ? `[${settings.host}]` : settings.host}:${settings.port}`
    this.#secrets = credentialSecrets(credential)
    // Agents drop what they cannot decrypt or whose community they do not know, without a word.
    this.#timeoutHint = credential.version === '3'
      ? (credential.privKey !== undefined ? 'a wrong SNMPv3 privacy key or protocol also looks like this' : undefined)
      : 'a wrong community also looks like this'
    const options: NetSnmpOptions = {
      port: settings.port,
      timeout: settings.timeout,
      retries: settings.retries,
      transport: isIPv6(settings.host) ? 'udp6' : 'udp4',
      backwardsGetNexts: true
    }
    validateCredential(credential)
    if (credential.version === '3') {
      const user: NetSnmpUser = { name: credential.username as string, level: snmp.SecurityLevel.noAuthNoPriv }
      if (credential.authProtocol !== undefined || credential.authKey !== undefined) {
        user.level = snmp.SecurityLevel.authNoPriv
        user.authProtocol = snmp.AuthProtocols[AUTH[credential.authProtocol ?? 'sha']]
        user.authKey = credential.authKey
        if (credential.privProtocol !== undefined || credential.privKey !== undefined) {
          user.level = snmp.SecurityLevel.authPriv
          user.privProtocol = privProtocol(credential.privProtocol ?? 'aes')
          user.privKey = credential.privKey
        }
      }
      if (credential.context !== undefined) options.context = credential.context
      this.#session = snmp.createV3Session(settings.host, user, options)
    } else {
      options.version = snmp.Version2c
      this.#session = snmp.createSession(settings.host, credential.community as string, options)
    }
    // net-snmp emits "error" for datagrams it cannot decode; without a listener that would throw.
    this.#session.on('error', (err: unknown) => { this.#undecodable = scrubError(err, this.#secrets) })
    this.#onAbort = () => this.#stop('abort')
    settings.signal?.addEventListener('abort', this.#onAbort, { once: true })
    if (settings.signal?.aborted === true) this.#stopped = 'abort'
    if (settings.deadline !== undefined) {
      const left = settings.deadline - Date.now()
      if (left <= 0) this.#stopped = 'deadline'
      else {
        this.#deadlineTimer = setTimeout(() => this.#stop('deadline'), left)
        this.#deadlineTimer.unref()
      }
    }
  }

  get undecodableResponse (): Error | undefined { return this.#undecodable }

  get (oids: string[], phase: Phase): Promise<Varbind[]> {
    this.requests.get++
    return this.#call(phase, (cb) => this.#session.get(oids, cb)) as Promise<Varbind[]>
  }

  getNext (oids: string[], phase: Phase): Promise<Varbind[]> {
    this.requests.getNext++
    return this.#call(phase, (cb) => this.#session.getNext(oids, cb)) as Promise<Varbind[]>
  }

  /** One GETBULK with no non-repeaters; the result holds, per requested OID, the varbinds that followed it. */
  getBulk (oids: string[], maxRepetitions: number, phase: Phase): Promise<Varbind[][]> {
    this.requests.getBulk++
    return this.#call(phase, (cb) => this.#session.getBulk(oids, 0, maxRepetitions, cb)) as Promise<Varbind[][]>
  }

  close (): void {
    if (this.#stopped === undefined) this.#stopped = 'closed'
    this.#release()
  }

  #release (): void {
    if (this.#deadlineTimer !== undefined) clearTimeout(this.#deadlineTimer)
    this.#settings.signal?.removeEventListener('abort', this.#onAbort)
    try { this.#session.close() } catch { /* already closed */ }
  }

  #stop (reason: 'deadline' | 'abort'): void {
    if (this.#stopped !== undefined) return
    this.#stopped = reason
    // Closing the socket fails every pending request at once, so no work outlives the deadline.
    this.#release()
  }

  #details (phase: Phase): { target: string, phase: string, elapsedMs: number } {
    return { target: this.target, phase: phase.name, elapsedMs: Date.now() - phase.start }
  }

  #stoppedError (phase: Phase, cause?: unknown): SnmpError {
    const opts = cause === undefined ? undefined : { cause: scrubError(cause, this.#secrets) }
    if (this.#stopped === 'abort') return new SnmpAbortError(this.#details(phase), opts)
    if (this.#stopped === 'deadline') return new SnmpDeadlineError(this.#details(phase), opts)
    return new SnmpSocketError('session closed', this.#details(phase), opts)
  }

  #call (phase: Phase, send: (cb: (err: Error | null, v: unknown) => void) => void): Promise<unknown> {
    if (this.#stopped !== undefined) return Promise.reject(this.#stoppedError(phase))
    return new Promise((resolve, reject) => {
      try {
        send((err, value) => {
          if (err === null) resolve(value)
          else reject(this.#translate(err, phase))
        })
      } catch (err) {
        reject(this.#translate(err as Error, phase))
      }
    })
  }

  #translate (err: Error, phase: Phase): SnmpError {
    if (this.#stopped !== undefined) return this.#stoppedError(phase, err)
    const cause = { cause: scrubError(err, this.#secrets) }
    const details = this.#details(phase)
    if (err instanceof snmp.RequestTimedOutError) {
      if (this.#undecodable !== undefined) {
        return new SnmpInvalidResponseError(`no decodable answer, only undecodable datagrams (${this.#undecodable.message})`, details, { cause: this.#undecodable })
      }
      return new SnmpTimeoutError({ ...details, timeout: this.#settings.timeout, retries: this.#settings.retries, hint: this.#timeoutHint }, cause)
    }
    if (err instanceof snmp.ResponseInvalidError) {
      const code = err.code
      if (code === snmp.ResponseInvalidCode.EAuthFailure) {
        const reason = err.message.startsWith('Authentication digest') ? 'the response digest does not match (wrong authentication key or protocol)' : scrubError(err, this.#secrets).message
        return new SnmpAuthError(reason, details, cause)
      }
      if (code === snmp.ResponseInvalidCode.ECouldNotDecrypt) return new SnmpAuthError('could not decrypt the response (wrong privacy key or protocol)', details, cause)
      if (code === snmp.ResponseInvalidCode.ECommunityNoMatch) return new SnmpInvalidResponseError('the response carried another community', details, cause)
      return new SnmpInvalidResponseError(scrubError(err, this.#secrets).message, details, cause)
    }
    if (err instanceof snmp.RequestFailedError) {
      const status = err.status
      return new SnmpAgentError(status, String(snmp.ErrorStatus[status] ?? 'error'), details, cause)
    }
    return new SnmpSocketError(scrubError(err, this.#secrets).message, details, cause)
  }
}
