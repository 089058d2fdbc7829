export type StoreErrorCode = 'ERR_STORE_CONNECT' | 'ERR_STORE_MIGRATION'

export class StoreError extends Error {
  override name = 'StoreError'
  readonly code: StoreErrorCode
  constructor (code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
