import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { runIngest, help } from '../../cli/commands/ingest.ts'
import { createDryRunClient, device, site } from '../../sdk/index.ts'
import { fromStruct } from '../../proto/index.ts'
import { startTestPeer } from '../helpers/grpc-test-server.ts'

const SECRET = 'cli-s3cret'

function capture () {
  const chunks: string[] = []
  return { chunks, stream: new Writable({ write (c, _e, cb) { chunks.push(String(c)); cb() } }) }
}

test('cli ingest - replays dry-run files to a target, one line per file, exit 1 when a file had errors', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tributary-cli-ingest-'))
  const peer = await startTestPeer({
    pathPrefix: '/diode',
    clientSecret: SECRET,
    respond: (req) => ({ errors: req.entities?.some((e) => e.site?.name === 'bad') === true ? ['site "bad" refused'] : [] })
  })
  try {
    const writer = createDryRunClient({ appName: 'collector', outputDir: dir })
    await writer.ingest([device({ name: 'r1', site: 'dc1' }), device({ name: 'r2', site: 'dc1' })], { stream: 'lab', metadata: { run: 1 } })
    const [good] = await readdir(dir)
    const python = join(dir, 'python.json')
    await writeFile(python, JSON.stringify({ stream: 'latest', entities: [{ site: { name: 'bad' }, timestamp: '2026-01-01T00:00:00Z' }], id: 'x', sdk_name: 'diode-sdk-python', sdk_version: '1.14.3' }))

    const out = capture()
    const err = capture()
    const args = ['--target', peer.target, '--client-id', 'test-client', '--client-secret', SECRET, '--app-name', 'replayer', '--app-version', '9.9.9', join(dir, good)]
    assert.equal(await runIngest(args, { stdout: out.stream, stderr: err.stream }), 0)
    assert.equal(peer.ingests.length, 1)
    const sent = peer.ingests[0].request
    assert.equal(sent.stream, 'lab')
    assert.deepEqual(fromStruct(sent.metadata), { run: 1 })
    assert.equal(sent.producer_app_name, 'replayer')
    assert.deepEqual(sent.entities?.map((e) => e.device?.name), ['r1', 'r2'])
    assert.match(out.chunks.join(''), new RegExp(`${good}: 2 entities, request ${sent.id}, no errors\\n`))

    const out2 = capture()
    const code = await runIngest([...args.slice(0, -1), join(dir, good), python, join(dir, 'missing.json')], { stdout: out2.stream, stderr: err.stream })
    assert.equal(code, 1)
    const lines = out2.chunks.join('').trim().split('\n')
    assert.equal(lines.length, 3)
    assert.match(lines[0], /no errors$/)
    assert.match(lines[1], /python\.json: 1 entities, request [0-9a-f-]{36}, 1 error\(s\): site "bad" refused$/)
    assert.match(lines[2], /missing\.json: failed: cannot read dry-run file/)
    assert.ok(!out.chunks.concat(out2.chunks, err.chunks).join('').includes(SECRET))
  } finally {
    await peer.close()
    await rm(dir, { recursive: true, force: true })
  }
})

test('cli ingest - usage errors exit 2 and a refused token exits 1 without printing the secret', async () => {
  const peer = await startTestPeer({ clientSecret: 'right' })
  try {
    const err = capture()
    assert.equal(await runIngest([], { stdout: capture().stream, stderr: err.stream }), 2)
    assert.match(err.chunks.join(''), /no FILE given/)
    assert.equal(await runIngest(['--bogus', 'f.json'], { stdout: capture().stream, stderr: capture().stream }), 2)
    const err2 = capture()
    assert.equal(await runIngest(['-t', peer.target, '-c', 'test-client', '-k', SECRET, 'f.json'], { stdout: capture().stream, stderr: err2.stream }), 1)
    assert.match(err2.chunks.join(''), /was refused \(HTTP 401, invalid_client\).*\[ERR_SDK_AUTH_REJECTED\]/)
    assert.ok(!err2.chunks.join('').includes(SECRET))
    assert.match(help, /tributary ingest --target grpc:\/\/127\.0\.0\.1:8080\/diode/)
    assert.ok(site('x'))
  } finally {
    await peer.close()
  }
})
