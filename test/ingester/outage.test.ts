// NATS going away and coming back, on a nats-server of this test's own: calls fail UNAVAILABLE
// within the publish timeout (never hang), /readyz says so, and the same ingester takes requests
// again once NATS is back.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as grpc from '@grpc/grpc-js'
import { createJetStreamQueue, type Queue } from '../../queue/index.ts'
import { uniqueName } from '../helpers/nats.ts'
import { createNatsChild, type NatsChild } from '../queue/nats-child.ts'
import { callIngest, deviceEntity, encode, sdkRequest, startHarness, type Harness } from './harness.ts'

let nats: NatsChild
let h: Harness
let queue: Queue
let token: string
const dir = mkdtempSync(join(tmpdir(), 'tributary-nats-'))

before(async () => {
  nats = await createNatsChild(join(dir, 'a'))
  queue = await createJetStreamQueue({ servers: nats.url, stream: uniqueName('OUT'), publishTimeout: 1500, connectTimeout: 3000 })
  h = await startHarness({ queue, publishTimeout: 1500 })
  token = await h.token()
})

after(async () => {
  await h.close()
  await nats.stop()
  rmSync(dir, { recursive: true, force: true })
})

const target = (): string => `127.0.0.1:${h.ingester.port}`

async function untilAccepted (): Promise<grpc.ServiceError | null> {
  let last: grpc.ServiceError | null = null
  for (let i = 0; i < 40; i++) {
    const r = await callIngest(target(), encode(sdkRequest([deviceEntity('back')])), { token, deadlineMs: 5000 })
    if (!r.error) return null
    last = r.error
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return last
}

test('ingester outage - NATS down: UNAVAILABLE well inside the call deadline and /readyz 503; NATS back: accepted again without a restart', async () => {
  assert.equal((await callIngest(target(), encode(sdkRequest([deviceEntity('before')])), { token })).error, null)
  await nats.stop()
  // The call deadline is longer than the publish timeout: a hung publish would show as DEADLINE_EXCEEDED.
  const down = await callIngest(target(), encode(sdkRequest([deviceEntity('during')])), { token, deadlineMs: 8000 })
  assert.equal(down.error?.code, grpc.status.UNAVAILABLE, `got ${down.error?.code}: ${down.error?.details}`)
  assert.match(down.error!.details, /queue unavailable|did not acknowledge/)
  assert.equal((await fetch(`${h.httpBase}/readyz`)).status, 503)

  await nats.start()
  assert.equal(await untilAccepted(), null)
  assert.equal((await fetch(`${h.httpBase}/readyz`)).status, 200)
  assert.equal((await queue.stats()).messages, 2)
})

test('ingester outage - NATS back with an empty store: the stream is created again and requests are accepted', async () => {
  await nats.stop()
  await nats.start(join(dir, 'b'))
  assert.equal(await untilAccepted(), null)
  assert.equal((await queue.stats()).messages, 1)
})
