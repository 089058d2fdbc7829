// Dry-run client and loader: each ingest() writes the IngestRequest it would have sent as protobuf
// JSON with snake_case names, the format of the official SDKs' dry-run clients, so files move
// between their replay tools and ours (`tributary ingest FILE...`).
import { mkdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { toProtoJson, fromProtoJson, ProtoJsonError } from '../proto/index.ts'
import type { Entity, IngestRequest } from '../proto/index.ts'
import { normalizeEntity } from './normalize.ts'
import { metadataStruct } from './request-encoding.ts'
import { SDK_NAME, SDK_VERSION } from './version.ts'
import { SdkError, SdkArgumentError, ERR_SDK_CLOSED, ERR_SDK_DRY_RUN_FILE, ERR_SDK_INVALID_OPTION } from './errors.ts'
import type { DryRunClientOptions, IngestOptions, IngestResult, Ingestor } from './types.ts'

const DEFAULT_APP_NAME = 'dryrun'
const DEFAULT_APP_VERSION = '0.0.0'

/** App name as it appears in file names: anything but letters, digits, _ and - becomes _. */
export function sanitizeAppName (name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_')
}

// Wall-clock nanoseconds, strictly increasing within the process so two calls in the same
// millisecond never write the same file name.
let lastNanos = 0n
const hrBase = process.hrtime.bigint()
const wallBase = BigInt(Date.now()) * 1_000_000n
function uniqueNanos (): bigint {
  let now = wallBase + (process.hrtime.bigint() - hrBase)
  if (now <= lastNanos) now = lastNanos + 1n
  lastNanos = now
  return now
}

/** An Ingestor that writes files (outputDir, else DIODE_DRY_RUN_OUTPUT_DIR) or prints to stdout
 * instead of sending. Returns one request id per call and no errors. */
export function createDryRunClient (options: DryRunClientOptions): Ingestor {
  const appName = options.appName === undefined || options.appName === '' ? DEFAULT_APP_NAME : options.appName
  if (typeof appName !== 'string') throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, 'appName: expected a string', { field: 'appName' })
  const appVersion = options.appVersion ?? DEFAULT_APP_VERSION
  const envDir = process.env.DIODE_DRY_RUN_OUTPUT_DIR
  const outputDir = options.outputDir ?? (envDir !== undefined && envDir !== '' ? envDir : undefined)
  let closed = false
  return {
    async ingest (entities: Entity[], ingestOptions: IngestOptions = {}): Promise<IngestResult> {
      if (closed) throw new SdkError(ERR_SDK_CLOSED, 'dry-run client is closed')
      if (!Array.isArray(entities)) throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, 'entities: expected an array of Entity', { field: 'entities' })
      const metadata = metadataStruct(ingestOptions.metadata)
      const id = randomUUID()
      const request: IngestRequest = {
        stream: ingestOptions.stream ?? 'latest',
        entities: entities.map((e, i) => normalizeEntity(e, `entities[${i}]`)),
        id,
        producer_app_name: appName,
        producer_app_version: appVersion,
        sdk_name: SDK_NAME,
        sdk_version: SDK_VERSION,
        ...(metadata === undefined ? {} : { metadata })
      }
      const text = JSON.stringify(toProtoJson('IngestRequest', request), null, 2) + '\n'
      if (outputDir === undefined) {
        process.stdout.write(text)
      } else {
        mkdirSync(outputDir, { recursive: true })
        writeFileSync(join(outputDir, `${sanitizeAppName(appName)}_${uniqueNanos()}.json`), text, { flag: 'wx' })
      }
      return { errors: [], requestIds: [id] }
    },
    async close (): Promise<void> { closed = true }
  }
}

/** Reads one dry-run file (ours or the official SDKs'): an IngestRequest in protobuf JSON, or an
 * array of them as older Go SDK versions wrote, whose entities are then concatenated. Returns a
 * plain IngestRequest object (Struct metadata, { seconds, nanos } timestamps) ready to encode. */
export async function loadDryRunFile (path: string): Promise<IngestRequest> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new SdkError(ERR_SDK_DRY_RUN_FILE, `cannot read dry-run file ${path}: ${(err as Error).message}`, { cause: err })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new SdkError(ERR_SDK_DRY_RUN_FILE, `${path} is not JSON: ${(err as Error).message}`, { cause: err })
  }
  try {
    if (Array.isArray(json)) {
      if (json.length === 0) throw new SdkError(ERR_SDK_DRY_RUN_FILE, `${path} holds an empty array, expected IngestRequest objects`)
      const requests = json.map((r) => fromProtoJson('IngestRequest', r) as IngestRequest)
      return { ...requests[0], entities: requests.flatMap((r) => r.entities ?? []) }
    }
    return fromProtoJson('IngestRequest', json) as IngestRequest
  } catch (err) {
    if (err instanceof SdkError) throw err
    const detail = err instanceof ProtoJsonError ? err.message : (err as Error).message
    throw new SdkError(ERR_SDK_DRY_RUN_FILE, `${path} is not an IngestRequest: ${detail}`, { cause: err })
  }
}
