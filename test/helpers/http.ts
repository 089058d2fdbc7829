// Talks to a running Tributary over HTTP the way a person's script would: OAuth2 client
// credentials for a token, then the NetBox-shaped read API.

export async function fetchToken (baseUrl: string, prefix: string, clientId: string, clientSecret: string, scope: string): Promise<string> {
  const res = await fetch(`${baseUrl}/${prefix}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }),
    signal: AbortSignal.timeout(5000)
  })
  const body = await res.json() as { access_token?: string, error?: string }
  if (!res.ok || !body.access_token) throw new Error(`token request failed: ${res.status} ${JSON.stringify(body)}`)
  return body.access_token
}

export interface Page<T> { count: number, next: string | null, previous: string | null, results: T[] }

export async function getJson<T> (url: string, token: string): Promise<T> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000) })
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<T>
}

/** All results of a paginated list, following `next`. */
export async function listAll<T> (url: string, token: string): Promise<T[]> {
  const out: T[] = []
  for (let next: string | null = url; next;) {
    const page: Page<T> = await getJson<Page<T>>(next, token)
    out.push(...page.results)
    next = page.next
  }
  return out
}
