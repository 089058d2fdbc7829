// The machine's NATS server with JetStream (127.0.0.1:4222). Each test uses its own stream name.
import { randomBytes } from 'node:crypto'

export const NATS_URL = process.env.TRIBUTARY_TEST_NATS ?? 'nats://127.0.0.1:4222'

/** A stream/subject name unique to one test, e.g. "T_ab12cd34". */
export function uniqueName (prefix = 'T'): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`
}
