// Shared pieces of the agent runtime tests: a device to return, an Ingestor that records what
// it is given, a logger that captures lines, and a poll for conditions reached asynchronously.
import { Writable } from 'node:stream'
import { setImmediate as tick } from 'node:timers/promises'
import pino, { type DestinationStream } from 'pino'
import { createLogger } from '../../config/logger.ts'
import type { Logger } from '../../config/logger.ts'
import { emptyDevice } from '../../agent/model.ts'
import type { DiscoveredDevice } from '../../agent/index.ts'
import type { Entity, Ingestor } from '../../sdk/index.ts'

export const silentAgentLogger: Logger = pino({ level: 'silent' })

export function fakeDevice (host: string, name = `dev-${host}`): DiscoveredDevice {
  return {
    ...emptyDevice('snmp', host),
    hostname: name,
    model: 'M1',
    manufacturer: 'Acme',
    interfaces: [{ name: 'eth0', type: '1000base-t', enabled: true }],
    addresses: [{ address: `${host}/24`, interface: 'eth0' }]
  }
}

export interface RecordingIngestor extends Ingestor {
  calls: Array<{ entities: Entity[], metadata?: Record<string, unknown> }>
  closed: boolean
}

export function recordingIngestor (answer: (entities: Entity[]) => { errors: string[] } = () => ({ errors: [] })): RecordingIngestor {
  const rec: RecordingIngestor = {
    calls: [],
    closed: false,
    async ingest (entities, options) {
      rec.calls.push({ entities, ...(options?.metadata !== undefined ? { metadata: options.metadata } : {}) })
      return { errors: answer(entities).errors, requestIds: [`req-${rec.calls.length}`] }
    },
    async close () { rec.closed = true }
  }
  return rec
}

/** A real redacting logger writing JSON lines into an array. */
export function capturingLogger (): { logger: Logger, lines: () => Array<Record<string, unknown>>, text: () => string } {
  const chunks: string[] = []
  const destination = new Writable({ write (chunk, _enc, cb) { chunks.push(String(chunk)); cb() } })
  const logger = createLogger({ level: 'debug', destination: destination as unknown as DestinationStream })
  const text = (): string => chunks.join('')
  return { logger, text, lines: () => text().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>) }
}

export async function waitFor (condition: () => boolean, rounds = 1000): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    if (condition()) return
    await tick()
  }
  throw new Error('condition not reached')
}
