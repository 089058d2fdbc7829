// Target URLs as the official Diode SDKs accept them: grpc:// and http:// are plaintext, grpcs://
// and https:// are TLS, a missing port is 80/443, and the path is a prefix put in front of the
// gRPC method (so a gateway can route /diode/...) and of the token endpoint.
import { SdkArgumentError, ERR_SDK_INVALID_TARGET } from './errors.ts'

export interface ParsedTarget {
  /** True for grpcs:// and https://. */
  tls: boolean
  /** Host name or IP address, without IPv6 brackets. */
  host: string
  port: number
  /** URL path without trailing slashes, "" when none, e.g. "/diode". */
  pathPrefix: string
  /** host:port as gRPC dials it (IPv6 in brackets). */
  authority: string
  /** OAuth2 token endpoint: {http|https}://host:port{pathPrefix}/auth/token. */
  tokenUrl: string
}

const SCHEMES: Readonly<Record<string, { tls: boolean, port: number }>> = {
  'grpc:': { tls: false, port: 80 },
  'http:': { tls: false, port: 80 },
  'grpcs:': { tls: true, port: 443 },
  'https:': { tls: true, port: 443 }
}

/** Parses a target such as grpc://localhost:8080/diode; throws SdkArgumentError ERR_SDK_INVALID_TARGET. */
export function parseTarget (target: string): ParsedTarget {
  if (typeof target !== 'string' || target.trim() === '') {
    throw new SdkArgumentError(ERR_SDK_INVALID_TARGET, 'target: expected a URL such as grpc://localhost:8080/diode', { field: 'target' })
  }
  let url: URL
  try {
    url = new URL(target.trim())
  } catch (err) {
    throw new SdkArgumentError(ERR_SDK_INVALID_TARGET, `target ${quote(target)} is not a valid URL; expected e.g. grpc://localhost:8080/diode`, { cause: err, field: 'target' })
  }
  const scheme = SCHEMES[url.protocol]
  if (scheme === undefined) {
    throw new SdkArgumentError(ERR_SDK_INVALID_TARGET, `target ${quote(target)}: scheme "${url.protocol.replace(/:$/, '')}" is not supported; use grpc://, grpcs://, http:// or https://`, { field: 'target' })
  }
  if (url.username !== '' || url.password !== '') {
    throw new SdkArgumentError(ERR_SDK_INVALID_TARGET, `target ${quote(target)}: credentials in the URL are not supported; use clientId/clientSecret`, { field: 'target' })
  }
  if (url.search !== '' || url.hash !== '') {
    throw new SdkArgumentError(ERR_SDK_INVALID_TARGET, `target ${quote(target)}: query strings and fragments are not supported`, { field: 'target' })
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  if (host === '') throw new SdkArgumentError(ERR_SDK_INVALID_TARGET, `target ${quote(target)}: no host`, { field: 'target' })
  const port = url.port === '' ? scheme.port : Number(url.port)
  const pathPrefix = url.pathname.replace(/\/+$/, '')
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    tls: scheme.tls,
    host,
    port,
    pathPrefix,
    authority,
    tokenUrl: `${scheme.tls ? 'https' : 'http'}://${authority}${pathPrefix}/auth/token`
  }
}

// Userinfo may hold a password: never echo it back.
function quote (target: string): string {
  return JSON.stringify(String(target).replace(/\/\/[^/@]*@/, '//***@').slice(0, 200))
}
