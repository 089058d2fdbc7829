// Reconciler throughput on PostgreSQL: realistic device payloads (a device, 48 interfaces and an
// address on each, one request per device) preloaded into the embedded queue and drained by the
// reconciler (fetch -> apply -> commit -> ack), for new objects, unchanged repeats and repeats with
// 10% of the entities changed; each beside the raw rate of a set-based INSERT of the same rows into
// the same PostgreSQL, which is the ceiling. Last line: one JSON object.
//
//   npm run bench:reconcile                 (BENCH_DEVICES=256, BENCH_BATCH=64 requests per transaction)
//   TRIBUTARY_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres npm run bench:reconcile
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import { encodeIngestRequest, type IngestRequest } from '../proto/index.ts'
import { openEmbeddedQueue } from '../queue/index.ts'
import { connectPostgres, migrate, type Db } from '../store/index.ts'
import { silentLogger } from '../config/logger.ts'
import { createReconciler } from '../reconciler/index.ts'

const ADMIN_URL = process.env.TRIBUTARY_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const DEVICES = Number(process.env.BENCH_DEVICES ?? 256)
const INTERFACES = 48
const BATCH = Number(process.env.BENCH_BATCH ?? 64)

type Entity = Record<string, unknown>
const ts = { seconds: Math.floor(Date.now() / 1000) - 1, nanos: 0 }

function deviceRef (d: number): Entity {
  return {
    name: `bench-${d}`,
    site: { name: `site-${d % 10}` },
    device_type: { model: 'EX4300-48T', manufacturer: { name: 'Juniper' } },
    role: { name: 'Access switch' }
  }
}

function deviceEntities (d: number, variant: 'base' | 'changed'): Entity[] {
  const ref = deviceRef(d)
  const out: Entity[] = [{
    timestamp: ts,
    device: { ...ref, platform: { name: 'junos', manufacturer: { name: 'Juniper' } }, serial: `SN${d}`, status: 'active' }
  }]
  for (let i = 0; i < INTERFACES; i++) {
    // 10% changed: every tenth interface gets a new description.
    const description = variant === 'changed' && i % 10 === 0 ? `uplink ${i} (moved)` : `port ${i}`
    out.push({ timestamp: ts, interface: { device: ref, name: `ge-0/0/${i}`, type: '1000base-t', enabled: true, mtu: 1514, description } })
  }
  for (let i = 0; i < INTERFACES; i++) {
    const a = d * INTERFACES + i
    out.push({
      timestamp: ts,
      ip_address: { address: `10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}/16`, assigned_object_interface: { device: ref, name: `ge-0/0/${i}` }, status: 'active' }
    })
  }
  return out
}

function requestBytes (d: number, variant: 'base' | 'changed'): Uint8Array {
  const r: IngestRequest = {
    id: randomUUID(),
    stream: 'latest',
    producer_app_name: 'bench',
    producer_app_version: '1.0.0',
    sdk_name: 'bench',
    sdk_version: '0.0.1',
    entities: deviceEntities(d, variant) as IngestRequest['entities']
  }
  return encodeIngestRequest(r)
}

const ENTITIES_PER_DEVICE = 1 + 2 * INTERFACES

/** Publishes one request per device, starts a reconciler and returns entities/s until idle. */
async function drain (db: Db, dir: string, variant: 'base' | 'changed'): Promise<{ perSecond: number, seconds: number }> {
  const queue = await openEmbeddedQueue({ dir })
  try {
    for (let d = 0; d < DEVICES; d++) await queue.publish(randomUUID(), requestBytes(d, variant))
    const reconciler = createReconciler({ db, queue, logger: silentLogger, batchSize: BATCH })
    const started = process.hrtime.bigint()
    reconciler.start()
    await reconciler.idle()
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    await reconciler.close()
    return { perSecond: (DEVICES * ENTITIES_PER_DEVICE) / seconds, seconds }
  } finally {
    await queue.close()
  }
}

/** The ceiling: the same device, interface and address rows (plus one log row per entity) inserted
 * with multi-row INSERTs in batches of the same size, into copies of the tables. */
async function rawInsert (db: Db): Promise<{ perSecond: number, seconds: number }> {
  await db.exec(`create table raw_device (like device including defaults);
    create table raw_interface (like interface including defaults);
    create table raw_ip_address (id bigserial, address inet not null, interface_id bigint, status text not null default 'active');
    create table raw_log (id uuid, request_id text, entity_index int, state text, entity jsonb)`)
  const started = process.hrtime.bigint()
  for (let first = 0; first < DEVICES; first += BATCH) {
    const devs = Array.from({ length: Math.min(BATCH, DEVICES - first) }, (_, i) => first + i)
    await db.transaction(async (tx) => {
      await tx.query(`insert into raw_device (id, name, device_type_id, role_id, site_id, serial)
        select * from unnest($1::int8[], $2::text[], $3::int8[], $4::int8[], $5::int8[], $6::text[])`,
      [devs, devs.map((d) => `bench-${d}`), devs.map(() => 1), devs.map(() => 1), devs.map(() => 1), devs.map((d) => `SN${d}`)])
      const ifDev: number[] = []
      const ifName: string[] = []
      const ipAddr: string[] = []
      for (const d of devs) {
        for (let i = 0; i < INTERFACES; i++) {
          ifDev.push(d); ifName.push(`ge-0/0/${i}`)
          const a = d * INTERFACES + i
          ipAddr.push(`10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}/16`)
        }
      }
      await tx.query(`insert into raw_interface (device_id, name, type, mtu, description)
        select d, n, '1000base-t', 1514, 'port' from unnest($1::int8[], $2::text[]) as p(d, n)`, [ifDev, ifName])
      await tx.query('insert into raw_ip_address (address) select * from unnest($1::inet[])', [ipAddr])
      const n = devs.length * ENTITIES_PER_DEVICE
      await tx.query(`insert into raw_log select gen_random_uuid(), 'r', i, 'APPLIED', '{"interface":{"name":"ge-0/0/1"}}'::jsonb
        from generate_series(1, $1) as i`, [n])
    })
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return { perSecond: (DEVICES * ENTITIES_PER_DEVICE) / seconds, seconds }
}

async function main (): Promise<void> {
  const name = `bench_reconcile_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const db = await connectPostgres({ url: url.toString(), max: 4 })
  const dirs: string[] = []
  const queueDir = (): string => { const d = mkdtempSync(join(tmpdir(), 'bench-reconcile-')); dirs.push(d); return d }
  try {
    await migrate(db)
    const entities = DEVICES * ENTITIES_PER_DEVICE
    console.log(`reconciler bench: ${DEVICES} devices x (1 device + ${INTERFACES} interfaces + ${INTERFACES} addresses) = ${entities} entities per run, ` +
      `one request per device, ${BATCH} requests per transaction, embedded queue -> reconciler -> PostgreSQL`)
    const created = await drain(db, queueDir(), 'base')
    const unchanged = await drain(db, queueDir(), 'base')
    const changed = await drain(db, queueDir(), 'changed')
    const raw = await rawInsert(db)
    const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(9)
    console.log(`new objects      ${fmt(created.perSecond)} entities/s   (${created.seconds.toFixed(2)} s)   raw INSERT ${fmt(raw.perSecond)} rows/s`)
    console.log(`unchanged        ${fmt(unchanged.perSecond)} entities/s   (${unchanged.seconds.toFixed(2)} s)   raw INSERT ${fmt(raw.perSecond)} rows/s`)
    console.log(`10% changed      ${fmt(changed.perSecond)} entities/s   (${changed.seconds.toFixed(2)} s)   raw INSERT ${fmt(raw.perSecond)} rows/s`)
    console.log(JSON.stringify({
      entities,
      devices: DEVICES,
      batch_requests: BATCH,
      new_per_s: Math.round(created.perSecond),
      unchanged_per_s: Math.round(unchanged.perSecond),
      changed_per_s: Math.round(changed.perSecond),
      raw_insert_per_s: Math.round(raw.perSecond),
      new_vs_raw: Number((created.perSecond / raw.perSecond).toFixed(3)),
      // The machine's 1-minute load average when the run ended: figures from a busy machine are low.
      load_avg_1m: Number(loadavg()[0].toFixed(2))
    }))
  } finally {
    await db.close()
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
}

await main()
