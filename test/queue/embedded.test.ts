// What only the embedded queue has to prove itself: crash safety of its own log, compaction, and
// one process at a time.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { openEmbeddedQueue, type Queue } from '../../queue/index.ts'

function tempDir (): string {
  return mkdtempSync(join(tmpdir(), 'tributary-embedded-'))
}

async function drain (q: Queue): Promise<string[]> {
  const ids: string[] = []
  for (;;) {
    const batch = await q.fetch({ max: 500, expires: 100 })
    if (batch.length === 0) return ids
    for (const m of batch) { ids.push(m.id); await m.ack() }
  }
}

test('embedded queue - every publish acknowledged before kill -9 is there after reopening', async () => {
  const dir = tempDir()
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'publish-forever.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] })
    const acked: string[] = []
    const exited = new Promise((resolve) => child.once('exit', resolve))
    for await (const line of createInterface({ input: child.stdout! })) {
      if (line.startsWith('acked ')) acked.push(line.slice(6))
      if (acked.length >= 60) {
        child.kill('SIGKILL')
        break
      }
    }
    await exited
    const q = await openEmbeddedQueue({ dir })
    try {
      const stored = new Set(await drain(q))
      const missing = acked.filter((id) => !stored.has(id))
      assert.deepEqual(missing, [])
    } finally {
      await q.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('embedded queue - a torn record at the end of the log is cut off and the rest is kept', async () => {
  const dir = tempDir()
  try {
    const q1 = await openEmbeddedQueue({ dir })
    await q1.publish('whole-1', Buffer.from('one'))
    await q1.publish('whole-2', Buffer.from('two'))
    await q1.close()
    const segment = readdirSync(dir).find((f) => f.startsWith('seg-'))!
    // A record header promising 1000 bytes, then only a few: what a crash mid-append leaves.
    const torn = Buffer.alloc(20)
    torn.writeUInt32LE(1000, 0)
    appendFileSync(join(dir, segment), torn)
    const q2 = await openEmbeddedQueue({ dir })
    try {
      assert.equal((await q2.publish('after-crash', Buffer.from('three'))).duplicate, false)
      assert.deepEqual(await drain(q2), ['whole-1', 'whole-2', 'after-crash'])
    } finally {
      await q2.close()
    }
    const q3 = await openEmbeddedQueue({ dir })
    try {
      assert.deepEqual(await drain(q3), [])
    } finally {
      await q3.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('embedded queue - acknowledged segments are deleted, while live messages and remembered ids survive', async () => {
  const dir = tempDir()
  try {
    const q1 = await openEmbeddedQueue({ dir, segmentBytes: 8 * 1024 })
    await q1.publish('keep-me', Buffer.alloc(100, 7))
    const first = await q1.fetch({ max: 1, expires: 100 })
    assert.equal(first[0]?.id, 'keep-me')
    for (let i = 0; i < 60; i++) await q1.publish(`bulk-${i}`, Buffer.alloc(1000, i))
    const bulk = await drain(q1)
    assert.equal(bulk.length, 60)
    const before = readdirSync(dir).filter((f) => f.startsWith('seg-')).length
    assert.ok(before >= 7, `expected many segments, found ${before}`)
    // Later publishes roll segments, and each roll compacts the oldest ones.
    for (let i = 0; i < 12; i++) await q1.publish(`late-${i}`, Buffer.alloc(1000, 1))
    let after = before
    for (let tries = 0; tries < 50 && after > 3; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      after = readdirSync(dir).filter((f) => f.startsWith('seg-')).length
    }
    assert.ok(after <= 3, `expected compaction to leave at most 3 segments, found ${after} (was ${before})`)
    await q1.close()

    const q2 = await openEmbeddedQueue({ dir, segmentBytes: 8 * 1024 })
    try {
      assert.equal((await q2.publish('bulk-3', Buffer.alloc(10))).duplicate, true)
      const rest = await drain(q2)
      assert.deepEqual(rest.sort(), ['keep-me', ...Array.from({ length: 12 }, (_, i) => `late-${i}`)].sort())
    } finally {
      await q2.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('embedded queue - a second open of the same directory is refused while the first holds it', async () => {
  const dir = tempDir()
  try {
    const q1 = await openEmbeddedQueue({ dir })
    await assert.rejects(openEmbeddedQueue({ dir }), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'ERR_QUEUE_UNAVAILABLE')
      assert.match(err.message, /in use by process/)
      return true
    })
    await q1.close()
    const q2 = await openEmbeddedQueue({ dir })
    await q2.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('embedded queue - publishing past maxBytes of unacknowledged data fails with ERR_QUEUE_FULL naming the limit', async () => {
  const dir = tempDir()
  try {
    const q = await openEmbeddedQueue({ dir, maxBytes: 3000 })
    try {
      await q.publish('a', Buffer.alloc(1500))
      await q.publish('b', Buffer.alloc(1400))
      await assert.rejects(q.publish('c', Buffer.alloc(500)), (err: Error & { code?: string }) => {
        assert.equal(err.code, 'ERR_QUEUE_FULL')
        assert.match(err.message, /maxBytes 3000/)
        return true
      })
      await drain(q)
      assert.equal((await q.publish('c', Buffer.alloc(500))).duplicate, false)
    } finally {
      await q.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
