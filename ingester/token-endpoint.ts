// POST <prefix>/auth/token: the OAuth2 client credentials grant (RFC 6749 section 4.4) the Diode
// SDKs call before their first Ingest. Credentials come in the form body or as HTTP Basic
// (section 2.3.1); errors are the RFC's JSON bodies with 400 or 401.
import type http from 'node:http'
import type { Logger } from 'pino'
import { AuthError } from './errors.ts'
import type { Authenticator } from './auth/authenticator.ts'

/** bytes of a token request body; a form with a client id, secret and scope is far smaller. */
const MAX_BODY = 16 * 1024
/** ms to receive the body. */
const BODY_TIMEOUT = 10_000

function send (res: http.ServerResponse, status: number, body: object, extra: Record<string, string> = {}): void {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    pragma: 'no-cache',
    ...extra
  })
  res.end(json)
}

function oauthError (res: http.ServerResponse, status: number, error: string, description: string): void {
  send(res, status, { error, error_description: description }, status === 401 ? { 'www-authenticate': 'Basic realm="tributary"' } : {})
}

function readBody (req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const timer = setTimeout(() => { req.destroy(); reject(new Error(`token request body not received within ${BODY_TIMEOUT} ms`)) }, BODY_TIMEOUT)
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        clearTimeout(timer)
        req.removeAllListeners('data')
        req.resume()
        resolve(undefined)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => { clearTimeout(timer); resolve(Buffer.concat(chunks).toString('utf8')) })
    req.on('error', (err) => { clearTimeout(timer); reject(err) })
  })
}

function parseForm (req: http.IncomingMessage, body: string): URLSearchParams | undefined {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded' || type === '') return new URLSearchParams(body)
  if (type === 'application/json') {
    try {
      const obj = JSON.parse(body) as unknown
      if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined
      return new URLSearchParams(Object.entries(obj).filter(([, v]) => typeof v === 'string') as Array<[string, string]>)
    } catch {
      return undefined
    }
  }
  return undefined
}

export async function handleTokenRequest (req: http.IncomingMessage, res: http.ServerResponse, auth: Authenticator, log: Logger): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST', 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: 'invalid_request', error_description: 'the token endpoint takes POST' }))
    return
  }
  const body = await readBody(req)
  if (body === undefined) return oauthError(res, 400, 'invalid_request', `request body is over ${MAX_BODY} bytes`)
  const form = parseForm(req, body)
  if (!form) return oauthError(res, 400, 'invalid_request', 'body must be application/x-www-form-urlencoded (or a JSON object)')
  const grant = form.get('grant_type')
  if (!grant) return oauthError(res, 400, 'invalid_request', 'grant_type is required')
  if (grant !== 'client_credentials') return oauthError(res, 400, 'unsupported_grant_type', `grant_type ${JSON.stringify(grant.slice(0, 64))} is not supported; use client_credentials`)
  let clientId = form.get('client_id') ?? ''
  let clientSecret = form.get('client_secret') ?? ''
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon > 0) {
      clientId = decodeURIComponent(decoded.slice(0, colon))
      clientSecret = decodeURIComponent(decoded.slice(colon + 1))
    }
  }
  if (!clientId || !clientSecret) return oauthError(res, 401, 'invalid_client', 'client_id and client_secret are required')
  try {
    const token = await auth.issueToken(clientId, clientSecret, form.get('scope') ?? '')
    log.info({ client: { id: clientId } }, 'issued token')
    send(res, 200, { access_token: token.access_token, token_type: 'Bearer', expires_in: token.expires_in, scope: form.get('scope') ?? undefined })
  } catch (err) {
    if (err instanceof AuthError) {
      log.info({ client: { id: clientId.slice(0, 64) }, code: err.code }, 'token request refused')
      if (err.code === 'ERR_INVALID_SCOPE') return oauthError(res, 400, 'invalid_scope', err.message)
      if (err.code === 'ERR_INVALID_CLIENT') return oauthError(res, 401, 'invalid_client', err.message)
      return oauthError(res, 400, 'invalid_request', err.message)
    }
    throw err
  }
}
