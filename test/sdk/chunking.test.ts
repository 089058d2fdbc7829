import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chunkEntities, estimateMessageSize, DEFAULT_MAX_CHUNK_BYTES, device } from '../../sdk/index.ts'
import { encodeIngestRequest } from '../../proto/index.ts'
import type { Entity } from '../../proto/index.ts'

function devices (n: number, descriptionBytes: number): Entity[] {
  return Array.from({ length: n }, (_v, i) => device({ name: `r${i}`, description: 'x'.repeat(descriptionBytes) }, { timestamp: new Date(0) }))
}

function names (chunks: Entity[][]): string[] {
  return chunks.flat().map((e) => String(e.device?.name))
}

test('sdk chunking - the default limit is 3 MiB and small inputs stay in one chunk', () => {
  assert.equal(DEFAULT_MAX_CHUNK_BYTES, 3 * 1024 * 1024)
  const few = devices(10, 100)
  assert.deepEqual(chunkEntities(few), [few])
  assert.deepEqual(chunkEntities([]), [[]])
})

test('sdk chunking - greedy, in order, no chunk over the limit, the estimate matches the encoding', () => {
  const list = devices(50, 1000)
  const limit = 8 * 1024
  const chunks = chunkEntities(list, limit)
  assert.ok(chunks.length > 5, `expected several chunks, got ${chunks.length}`)
  assert.deepEqual(names(chunks), list.map((e) => String(e.device?.name)))
  for (const chunk of chunks) {
    const size = encodeIngestRequest({ entities: chunk }).length
    assert.equal(estimateMessageSize(chunk), size)
    assert.ok(size <= limit, `chunk of ${size} bytes over ${limit}`)
  }
  // Greedy: adding the next entity to any chunk but the last would have crossed the limit.
  for (let i = 0; i < chunks.length - 1; i++) {
    assert.ok(estimateMessageSize([...chunks[i], chunks[i + 1][0]]) > limit)
  }
})

test('sdk chunking - an oversized entity goes alone, between its neighbours', () => {
  const small = devices(4, 100)
  const huge = device({ name: 'huge', description: 'y'.repeat(5000) }, { timestamp: new Date(0) })
  const list = [small[0], small[1], huge, small[2], small[3]]
  const chunks = chunkEntities(list, 2000)
  assert.deepEqual(chunks.map((c) => c.map((e) => e.device?.name)), [['r0', 'r1'], ['huge'], ['r2', 'r3']])
  assert.throws(() => chunkEntities(list, 0), /maxChunkBytes/)
})
