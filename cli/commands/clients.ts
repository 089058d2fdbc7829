// `tributary clients add|list|revoke`: manages the ingestion clients (OAuth2 client credentials)
// straight in the store, so it works without a running server.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { addClient, listClients, revokeClient, KNOWN_SCOPES, SCOPE_INGEST } from '../../ingester/index.ts'
import { openStore, redactUrl, type Db } from '../../store/index.ts'

export const DEFAULT_DATA_DIR = './.tributary'

export const help = `tributary clients: add, list and revoke ingestion clients (OAuth2 client credentials).

An SDK or agent trades a client's id and secret for a token at <target>/auth/token, then
calls Ingest with it. The secret is printed once, when the client is added; only a hash is kept.
Revoking stops new tokens at once, and running servers refuse the tokens the client already
holds (Ingest, read API, RetrieveIngestionLogs) within auth.revocation_refresh, 5 s by default.
A revoked client cannot be re-enabled: add a new one.

Usage:
  tributary clients add NAME [--scopes diode:ingest,diode:read] [--json]
  tributary clients list [--json]
  tributary clients revoke CLIENT_ID

Options:
      --scopes LIST      comma-separated scopes for add: ${KNOWN_SCOPES.join(', ')} (default ${SCOPE_INGEST})
      --json             machine-readable output
      --data-dir DIR     embedded store at DIR/db (default ${DEFAULT_DATA_DIR}, env TRIBUTARY_DATA_DIR)
      --postgres URL     PostgreSQL instead of the embedded store (env TRIBUTARY_POSTGRES_URL)

The embedded store (PGlite) can be opened by one process at a time, so this command refuses
while \`tributary up\` runs on the same data directory: stop it first, or run \`up\` with
--postgres, which this command can use while the server runs.

Examples:
  tributary clients add rack-scanner
  tributary clients add grafana --scopes diode:read --json
  tributary clients list --postgres postgres://postgres@127.0.0.1/tributary
  tributary clients revoke trib-3Xb9kQ2mP0aZ
`

// PGlite has no lock of its own and two processes on one directory corrupt it. A running
// `tributary up` holds the embedded queue's LOCK file in the same data directory: refuse then.
function runningUp (dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, 'queue', 'LOCK'), 'utf8'), 10)
    if (!Number.isInteger(pid) || pid === process.pid) return undefined
    process.kill(pid, 0)
    return pid
  } catch {
    return undefined
  }
}

async function openDb (values: { 'data-dir'?: string, postgres?: string }): Promise<Db> {
  const url = values.postgres ?? process.env.TRIBUTARY_POSTGRES_URL
  const dataDir = values['data-dir'] ?? process.env.TRIBUTARY_DATA_DIR ?? DEFAULT_DATA_DIR
  if (!url) {
    const pid = runningUp(dataDir)
    if (pid !== undefined) throw new Error(`process ${pid} (tributary up) is using ${dataDir}; stop it first, or run up and this command with --postgres`)
  }
  const { db } = await openStore({ postgresUrl: url, dataDir, applicationName: 'tributary clients', max: 1 })
  return db
}

function fail (message: string): number {
  process.stderr.write(`tributary clients: ${message}\n`)
  return 2
}

export async function run (args: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        scopes: { type: 'string' },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        postgres: { type: 'string' }
      }
    })
  } catch (err) {
    return fail(`${(err as Error).message}\n\n${help}`)
  }
  const { values, positionals } = parsed
  const [action, arg, ...extra] = positionals
  if (extra.length > 0) return fail(`unexpected arguments: ${extra.join(' ')}`)
  if (action !== 'add' && action !== 'list' && action !== 'revoke') return fail(`expected add, list or revoke${action ? `, got "${action}"` : ''}\n\n${help}`)
  if (action !== 'list' && !arg) return fail(action === 'add' ? 'add needs a NAME' : 'revoke needs a CLIENT_ID')
  if (action !== 'add' && values.scopes !== undefined) return fail('--scopes applies to add only')

  let db: Db
  try {
    db = await openDb(values)
  } catch (err) {
    const where = values.postgres ? redactUrl(values.postgres) : 'the embedded store'
    process.stderr.write(`tributary clients: cannot open ${where}: ${(err as Error).message}\n`)
    return 1
  }
  try {
    if (action === 'add') {
      const scopes = (values.scopes ?? SCOPE_INGEST).split(',').map((s) => s.trim()).filter(Boolean)
      let created
      try {
        created = await addClient(db, { name: arg!, scopes })
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_INGESTER_ARGUMENT') return fail((err as Error).message)
        throw err
      }
      if (values.json) {
        process.stdout.write(JSON.stringify({ client_id: created.client_id, client_secret: created.client_secret, name: arg, scopes }) + '\n')
      } else {
        process.stdout.write([
          `Created client "${arg}" with scopes ${scopes.join(', ')}.`,
          `  client_id:     ${created.client_id}`,
          `  client_secret: ${created.client_secret}`,
          'The secret is shown only now; store it safely (e.g. DIODE_CLIENT_ID / DIODE_CLIENT_SECRET).',
          ''
        ].join('\n'))
      }
      return 0
    }
    if (action === 'list') {
      const clients = await listClients(db)
      if (values.json) {
        process.stdout.write(JSON.stringify(clients) + '\n')
        return 0
      }
      if (clients.length === 0) {
        process.stdout.write('No clients. Add one with: tributary clients add NAME\n')
        return 0
      }
      const rows = clients.map((c) => [c.client_id, c.name, c.scopes.join(','), c.created_at.toISOString(), c.revoked_at ? `revoked ${c.revoked_at.toISOString()}` : 'active'])
      const head = ['CLIENT_ID', 'NAME', 'SCOPES', 'CREATED', 'STATUS']
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
      for (const r of [head, ...rows]) process.stdout.write(r.map((v, i) => i === r.length - 1 ? v : v.padEnd(widths[i]!)).join('  ') + '\n')
      return 0
    }
    if (await revokeClient(db, arg!)) {
      process.stdout.write(`Revoked ${arg}: it gets no new tokens, and running servers refuse the tokens it holds within auth.revocation_refresh (5 s by default).\n`)
      return 0
    }
    process.stderr.write(`tributary clients: no active client ${arg}\n`)
    return 1
  } finally {
    await db.close()
  }
}
