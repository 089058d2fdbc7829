// `tributary ingest FILE...`: replays dry-run files (IngestRequest JSON written by our SDK, the
// agent's dry-run mode, or the official Python/Go SDKs) to an ingester, one Ingest per file, like
// the official `diode-replay-dryrun` tool.
import { parseArgs } from 'node:util'
import { Writable } from 'node:stream'
import pino from 'pino'
import { createClient, loadDryRunFile, SdkError } from '../../sdk/index.ts'
import { fromStruct } from '../../proto/index.ts'
import { version } from '../index.ts'

export const DEFAULT_TARGET = 'grpc://127.0.0.1:8080/diode'

export const help = `tributary ingest: send dry-run files (IngestRequest JSON) to an ingester.

Each FILE is one request as written by a dry-run client (Tributary's, or the official Diode
Python/Go SDKs'; DIODE_DRY_RUN_OUTPUT_DIR); it is sent as one Ingest call (split into chunks
under 3 MiB when larger), keeping its stream and metadata. One line per file reports the
request ids, the entity count and any errors; the exit status is 1 if any file had errors.

Usage: tributary ingest [options] FILE...

  -t, --target URL          ingester (default ${DEFAULT_TARGET}); grpcs:// or https:// for TLS
  -c, --client-id ID        OAuth2 client id (default DIODE_CLIENT_ID)
  -k, --client-secret S     OAuth2 client secret (default DIODE_CLIENT_SECRET)
  -a, --app-name NAME       producer_app_name to send (default tributary-ingest)
      --app-version V       producer_app_version to send (default the tributary version)
      --cert-file PEM       CA bundle for TLS targets (default DIODE_CERT_FILE)
      --skip-tls-verify     keep TLS but do not verify the certificate (DIODE_SKIP_TLS_VERIFY)
      --timeout MS          deadline of each Ingest call (default 30000)

Example:
  DIODE_CLIENT_ID=my-collector DIODE_CLIENT_SECRET=... \\
    tributary ingest --target grpc://127.0.0.1:8080/diode dryrun/my-app_*.json
`

export interface IngestCommandIo {
  stdout: Writable
  stderr: Writable
}

export async function run (args: string[]): Promise<number> {
  return await runIngest(args, { stdout: process.stdout, stderr: process.stderr })
}

/** The command with its output streams injected (tests capture them). */
export async function runIngest (args: string[], io: IngestCommandIo): Promise<number> {
  const out = (line: string): void => { io.stdout.write(line + '\n') }
  const err = (line: string): void => { io.stderr.write(line + '\n') }
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        target: { type: 'string', short: 't' },
        'client-id': { type: 'string', short: 'c' },
        'client-secret': { type: 'string', short: 'k' },
        'app-name': { type: 'string', short: 'a' },
        'app-version': { type: 'string' },
        'cert-file': { type: 'string' },
        'skip-tls-verify': { type: 'boolean' },
        timeout: { type: 'string' }
      }
    })
  } catch (e) {
    err(`tributary ingest: ${(e as Error).message}\n\n${help}`)
    return 2
  }
  const { values, positionals: files } = parsed
  if (files.length === 0) {
    err(`tributary ingest: no FILE given\n\n${help}`)
    return 2
  }
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout)
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout <= 0)) {
    err('tributary ingest: --timeout: expected a positive number of milliseconds')
    return 2
  }

  let client
  try {
    client = await createClient({
      target: values.target ?? DEFAULT_TARGET,
      appName: values['app-name'] ?? 'tributary-ingest',
      appVersion: values['app-version'] ?? version(),
      clientId: values['client-id'],
      clientSecret: values['client-secret'],
      certFile: values['cert-file'],
      skipTlsVerify: values['skip-tls-verify'],
      logger: pino({ level: 'warn' }, pino.destination({ fd: 2, sync: true }))
    })
  } catch (e) {
    err(`tributary ingest: ${e instanceof SdkError ? `${e.message} [${e.code}]` : (e as Error).message}`)
    return 1
  }

  let failed = false
  try {
    for (const file of files) {
      try {
        const request = await loadDryRunFile(file)
        const entities = request.entities ?? []
        const result = await client.ingest(entities, {
          stream: request.stream === undefined || request.stream === '' ? undefined : request.stream,
          metadata: request.metadata === undefined || request.metadata === null ? undefined : fromStruct(request.metadata),
          timeout
        })
        const ids = result.requestIds.length === 0 ? 'no request (no entities)' : `request ${result.requestIds.join(', ')}`
        if (result.errors.length > 0) {
          failed = true
          out(`${file}: ${entities.length} entities, ${ids}, ${result.errors.length} error(s): ${result.errors.join('; ')}`)
        } else {
          out(`${file}: ${entities.length} entities, ${ids}, no errors`)
        }
      } catch (e) {
        failed = true
        out(`${file}: failed: ${e instanceof SdkError ? `${e.message} [${e.code}]` : (e as Error).message}`)
      }
    }
  } finally {
    await client.close()
  }
  return failed ? 1 : 0
}
