// HTTP proxies for the token call and the gRPC channel, chosen the way the official SDKs choose
// them (diode-sdk-python PR #76, Go's http.ProxyFromEnvironment): HTTPS_PROXY (then HTTP_PROXY)
// for TLS targets, HTTP_PROXY for plaintext, upper or lower case; NO_PROXY entries skip it; loopback
// targets never use one (a proxy's localhost is not ours). Both halves of the client take the
// same decision, so a token fetched through the proxy is not followed by a direct gRPC dial.
import http from 'node:http'
import net from 'node:net'
import { SdkArgumentError, ERR_SDK_INVALID_OPTION } from './errors.ts'

export interface ProxySettings {
  /** host:port of the proxy. */
  address: string
  host: string
  port: number
  /** Decoded "user:password" from the proxy URL, for Proxy-Authorization; never logged. */
  credentials: string | undefined
  /** Environment variable the proxy came from, for messages. */
  source: string
}

function firstSet (env: NodeJS.ProcessEnv, names: string[]): [string, string] | undefined {
  for (const name of names) {
    const value = env[name]
    if (value !== undefined && value.trim() !== '') return [name, value.trim()]
  }
  return undefined
}

function isLoopback (host: string): boolean {
  const h = host.toLowerCase()
  if (h === 'localhost' || h.endsWith('.localhost')) return true
  if (net.isIPv4(h)) return h.startsWith('127.')
  return h === '::1' || h === '0:0:0:0:0:0:0:1'
}

/** True when `host` matches an entry of a NO_PROXY list: "*", an exact name or IP, or a domain
 * (".example.com", "*.example.com" or "example.com" also cover subdomains). Ports are ignored,
 * entries longer than 256 characters too (Go's limit). */
export function matchesNoProxy (host: string, list: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')
  for (const raw of list.split(/[\s,]+/)) {
    if (raw === '' || raw.length > 256) continue
    if (raw === '*') return true
    let entry = raw.toLowerCase()
    if (entry.startsWith('[')) entry = entry.replace(/^\[([^\]]*)\](:\d+)?$/, '$1')
    else if (!net.isIPv6(entry)) entry = entry.replace(/:\d+$/, '')
    entry = entry.replace(/^\*/, '').replace(/\.$/, '')
    if (entry.startsWith('.')) {
      if (h.endsWith(entry) || h === entry.slice(1)) return true
    } else if (h === entry || h.endsWith(`.${entry}`)) {
      return true
    }
  }
  return false
}

/** The proxy to use for `host` (TLS or not), or undefined for a direct connection. */
export function proxyFor (tls: boolean, host: string, env: NodeJS.ProcessEnv = process.env): ProxySettings | undefined {
  const found = firstSet(env, tls ? ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] : ['HTTP_PROXY', 'http_proxy'])
  if (found === undefined || isLoopback(host)) return undefined
  const noProxy = firstSet(env, ['NO_PROXY', 'no_proxy'])
  if (noProxy !== undefined && matchesNoProxy(host, noProxy[1])) return undefined
  const [source, value] = found
  let url: URL
  try {
    url = new URL(value.includes('://') ? value : `http://${value}`)
  } catch (err) {
    throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, `${source}: not a valid proxy URL`, { cause: err, field: source })
  }
  if (url.protocol !== 'http:') {
    throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, `${source}: proxy scheme "${url.protocol.replace(/:$/, '')}" is not supported; use http://host:port`, { field: source })
  }
  const port = url.port === '' ? 80 : Number(url.port)
  const credentials = url.username === '' ? undefined : decodeURIComponent(url.password === '' ? url.username : `${url.username}:${url.password}`)
  const proxyHost = url.hostname.replace(/^\[|\]$/g, '')
  return { address: `${url.hostname}:${port}`, host: proxyHost, port, credentials, source }
}

export function proxyAuthorization (proxy: ProxySettings): Record<string, string> {
  return proxy.credentials === undefined ? {} : { 'proxy-authorization': `Basic ${Buffer.from(proxy.credentials).toString('base64')}` }
}

/** Opens a CONNECT tunnel to host:port through the proxy; rejects on a non-2xx answer. */
export async function openTunnel (proxy: ProxySettings, host: string, port: number, signal: AbortSignal): Promise<net.Socket> {
  const authority = `${net.isIPv6(host) ? `[${host}]` : host}:${port}`
  return await new Promise<net.Socket>((resolve, reject) => {
    const req = http.request({
      host: proxy.host,
      port: proxy.port,
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...proxyAuthorization(proxy) },
      agent: false,
      signal
    })
    req.on('connect', (res, socket) => {
      if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) {
        resolve(socket)
      } else {
        socket.destroy()
        reject(new Error(`proxy ${proxy.address} (${proxy.source}) refused CONNECT to ${authority}: HTTP ${res.statusCode ?? 0}`))
      }
    })
    req.on('error', (err) => reject(new Error(`proxy ${proxy.address} (${proxy.source}): ${err.message}`, { cause: err })))
    req.end()
  })
}
