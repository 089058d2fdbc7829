import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { createLogger } from '../../config/index.ts'

function capture () {
  const lines: string[] = []
  const stream = new Writable({ write (chunk, _enc, cb) { lines.push(String(chunk)); cb() } })
  return { lines, stream }
}

test('logger - secrets are redacted at any of the first levels, other fields kept', async () => {
  const { lines, stream } = capture()
  const log = createLogger({ destination: stream })
  log.info({ password: 'pw1', target: { host: 'r1', community: 'c0mm' }, req: { headers: { authorization: 'Bearer abc.def' } }, client_secret: 's3' }, 'hello')
  await new Promise((r) => setImmediate(r))
  const out = lines.join('')
  for (const secret of ['pw1', 'c0mm', 'abc.def', 's3']) assert.ok(!out.includes(secret), `${secret} leaked: ${out}`)
  assert.match(out, /"host":"r1"/)
  assert.match(out, /\[Redacted\]/)
})
