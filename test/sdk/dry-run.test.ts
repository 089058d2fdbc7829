import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDryRunClient, loadDryRunFile, device, ipAddress, entity, SdkError, ERR_SDK_DRY_RUN_FILE, SDK_NAME } from '../../sdk/index.ts'
import { encodeIngestRequest, decodeIngestRequest, fromStruct } from '../../proto/index.ts'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

async function withEnv<T> (vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  for (const [k, v] of Object.entries(vars)) { if (v === undefined) delete process.env[k]; else process.env[k] = v }
  try { return await fn() } finally {
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v }
  }
}

test('sdk dry-run - one file per ingest, named <sanitized app>_<nanoseconds>.json, shaped like the official SDKs', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tributary-dryrun-'))
  try {
    const client = createDryRunClient({ appName: 'my app/v2', appVersion: '1.2.3', outputDir: dir })
    const when = new Date('2026-02-03T04:05:06.789Z')
    const first = await client.ingest([
      device({ name: 'r1', site: 'dc1', vc_position: 3, manufacturer: 'Cisco', device_type: 'C9300' }, { timestamp: when }),
      ipAddress({ address: '192.0.2.1/24' }, { timestamp: when }),
      entity('asn', { asn: 65001 }, { timestamp: when })
    ], { metadata: { policy: 'nightly' } })
    await client.ingest([device('r2')])
    await client.close()
    const files = (await readdir(dir)).sort()
    assert.equal(files.length, 2)
    for (const f of files) assert.match(f, /^my_app_v2_\d{19}\.json$/)

    const text = await readFile(join(dir, files[0]), 'utf8')
    const json = JSON.parse(text) as Record<string, unknown>
    assert.equal(json.id, first.requestIds[0])
    assert.match(String(json.id), UUID_V4)
    assert.equal(json.stream, 'latest')
    assert.equal(json.producer_app_name, 'my app/v2')
    assert.equal(json.producer_app_version, '1.2.3')
    assert.equal(json.sdk_name, SDK_NAME)
    assert.deepEqual(json.metadata, { policy: 'nightly' })
    const entities = json.entities as Array<Record<string, Record<string, unknown>>>
    assert.equal(entities[0].timestamp as unknown, '2026-02-03T04:05:06.789Z')
    assert.equal(entities[0].device.vc_position, '3')
    assert.deepEqual(entities[0].device.device_type, { manufacturer: { name: 'Cisco' }, model: 'C9300' })
    assert.equal(entities[2].asn.asn, '65001')
    assert.ok(!/[a-z][A-Z]/.test(Object.keys(json).join(' ')), 'camelCase key in a dry-run file')
    assert.match(text, /^\{\n {2}"stream": "latest",/)

    const loaded = await loadDryRunFile(join(dir, files[0]))
    assert.equal(loaded.id, first.requestIds[0])
    assert.equal(loaded.entities?.[0].device?.name, 'r1')
    assert.deepEqual(loaded.entities?.[0].timestamp, { seconds: Math.floor(when.getTime() / 1000), nanos: 789_000_000 })
    assert.deepEqual(fromStruct(loaded.metadata), { policy: 'nightly' })
    const wire = decodeIngestRequest(encodeIngestRequest(loaded))
    assert.equal(wire.entities?.[2].asn?.asn, 65001)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('sdk dry-run - DIODE_DRY_RUN_OUTPUT_DIR is used when no outputDir is given, created if missing', async () => {
  const base = await mkdtemp(join(tmpdir(), 'tributary-dryrun-'))
  const dir = join(base, 'nested', 'out')
  try {
    await withEnv({ DIODE_DRY_RUN_OUTPUT_DIR: dir }, async () => {
      const client = createDryRunClient({ appName: 'env-app' })
      await client.ingest([device('r1')])
    })
    const files = await readdir(dir)
    assert.equal(files.length, 1)
    assert.match(files[0], /^env-app_\d+\.json$/)
  } finally {
    await rm(base, { recursive: true, force: true })
  }
})

test('sdk dry-run - loads the official SDKs\' files: Python single request, older Go array of requests', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tributary-dryrun-'))
  try {
    const python = {
      stream: 'latest',
      entities: [
        { device: { name: 'Device A', device_type: { model: 'Device Type A', manufacturer: { name: 'Manufacturer A' } }, site: { name: 'Site ABC' }, role: { name: 'Role ABC' }, tags: [{ name: 'tag 1' }] }, timestamp: '2026-04-23T14:02:15.123456Z' },
        { asn: { asn: '555', rir: { name: 'RIPE' } }, timestamp: '2026-04-23T14:02:15Z' }
      ],
      id: 'b0c7a1a2-7b8e-4b61-9e84-3f4f0f6c8a11',
      producer_app_name: 'dryrun',
      producer_app_version: '0.0.1',
      sdk_name: 'diode-sdk-python',
      sdk_version: '1.14.3'
    }
    const single = join(dir, 'dryrun_1234567890.json')
    await writeFile(single, JSON.stringify(python, null, 2))
    const req = await loadDryRunFile(single)
    assert.equal(req.entities?.length, 2)
    assert.equal(req.entities?.[0].device?.device_type?.manufacturer?.name, 'Manufacturer A')
    assert.equal(req.entities?.[1].asn?.asn, 555)
    assert.equal(req.sdk_name, 'diode-sdk-python')

    const goArray = join(dir, 'go.json')
    await writeFile(goArray, JSON.stringify([{ ...python, entities: python.entities.slice(0, 1) }, { ...python, entities: python.entities.slice(1) }]))
    assert.equal((await loadDryRunFile(goArray)).entities?.length, 2)

    const bad = join(dir, 'bad.json')
    await writeFile(bad, JSON.stringify({ entities: [{ device: { nmae: 'x' } }] }))
    await assert.rejects(loadDryRunFile(bad), (err: unknown) => {
      assert.ok(err instanceof SdkError)
      assert.equal(err.code, ERR_SDK_DRY_RUN_FILE)
      assert.match(err.message, /bad\.json is not an IngestRequest: IngestRequest\.entities\[0\]\.device\.nmae: unknown field/)
      return true
    })
    await writeFile(bad, '{ nope')
    await assert.rejects(loadDryRunFile(bad), /bad\.json is not JSON/)
    await assert.rejects(loadDryRunFile(join(dir, 'missing.json')), /cannot read dry-run file .*missing\.json/)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
