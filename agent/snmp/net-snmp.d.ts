// The part of net-snmp (which ships no types) that the collector uses.
declare module 'net-snmp' {
  import type { EventEmitter } from 'node:events'

  export interface Varbind {
    oid: string
    type: number
    value: unknown
  }
  export type ResponseCallback<T> = (error: Error | null, varbinds: T) => void

  export interface Session extends EventEmitter {
    get (oids: string[], cb: ResponseCallback<Varbind[]>): Session
    getNext (oids: string[], cb: ResponseCallback<Varbind[]>): Session
    getBulk (oids: string[], nonRepeaters: number, maxRepetitions: number, cb: ResponseCallback<Array<Varbind | Varbind[]>>): Session
    close (): Session
  }

  export interface SessionOptions {
    port?: number
    retries?: number
    timeout?: number
    backoff?: number
    transport?: 'udp4' | 'udp6'
    version?: number
    idBitsSize?: 16 | 32
    context?: string
    backwardsGetNexts?: boolean
    reportOidMismatchErrors?: boolean
  }

  export interface User {
    name: string
    level: number
    authProtocol?: number
    authKey?: string
    privProtocol?: number
    privKey?: string
  }

  export function createSession (target: string, community: string, options?: SessionOptions): Session
  export function createV3Session (target: string, user: User, options?: SessionOptions): Session
  export function isVarbindError (varbind: Varbind): boolean

  export const Version1: number
  export const Version2c: number
  export const Version3: number
  export const ObjectType: Record<string, number> & Record<number, string>
  export const ErrorStatus: Record<string, number> & Record<number, string>
  export const SecurityLevel: { noAuthNoPriv: number, authNoPriv: number, authPriv: number }
  export const AuthProtocols: Record<string, number>
  export const PrivProtocols: Record<string, number | string>
  export const ResponseInvalidCode: Record<string, number> & Record<number, string>

  export class RequestFailedError extends Error { status: number }
  export class RequestTimedOutError extends Error {}
  export class ResponseInvalidError extends Error { code: number }
  export class RequestInvalidError extends Error {}

  export const Encryption: {
    algorithms: Record<number, unknown>
  }
  export const Authentication: {
    passwordToKey (authProtocol: number, password: string, engineID: Buffer): Buffer
    algorithms: Record<number, { KEY_LENGTH: number, CRYPTO_ALGORITHM: string }>
  }
  const snmp: {
    createSession: typeof createSession
    createV3Session: typeof createV3Session
    isVarbindError: typeof isVarbindError
    Version1: number
    Version2c: number
    Version3: number
    ObjectType: typeof ObjectType
    ErrorStatus: typeof ErrorStatus
    SecurityLevel: typeof SecurityLevel
    AuthProtocols: typeof AuthProtocols
    PrivProtocols: typeof PrivProtocols
    ResponseInvalidCode: typeof ResponseInvalidCode
    RequestFailedError: typeof RequestFailedError
    RequestTimedOutError: typeof RequestTimedOutError
    ResponseInvalidError: typeof ResponseInvalidError
    RequestInvalidError: typeof RequestInvalidError
    Encryption: typeof Encryption
    Authentication: typeof Authentication
  }
  export default snmp
}
