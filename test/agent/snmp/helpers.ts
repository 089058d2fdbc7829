// Shared pieces of the SNMP collector tests: where the data lives and a logger whose output the
// test can read.
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { DestinationStream } from 'pino'
import { createLogger, type Logger } from '../../../config/logger.ts'

export const FIXTURES = fileURLToPath(new URL('../../fixtures/snmp/', import.meta.url))
/** The shared real-device corpus; absent in some checkouts, and tests must pass without it. */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url))

export function captureLogger (level = 'debug'): { logger: Logger, lines: () => string } {
  const chunks: string[] = []
  const destination = new Writable({ write (chunk, _enc, cb) { chunks.push(String(chunk)); cb() } })
  const logger = createLogger({ level, destination: destination as unknown as DestinationStream })
  return { logger, lines: () => chunks.join('') }
}
