// Reconciler throughput on PostgreSQL: realistic device payloads (a device, 48 interfaces and an
// address on each, one request per device) preloaded into the embedded queue and drained by the
// reconciler (fetch -> apply -> commit -> ack), for new objects, unchanged repeats and repeats with
// 10% of the entities changed; each beside the raw rate of a set-based INSERT of the same rows into
// the same PostgreSQL, which is the ceiling. Every phase first runs smaller, on other devices, so
// V8's compilation of the reconciler is not counted; then each figure is the best of BENCH_RUNS
// runs. Last line: one JSON object.
//
//   npm run bench:reconcile                 (BENCH_DEVICES=1024, BENCH_BATCH=64 requests per transaction,
//                                            BENCH_CONCURRENCY=2 batches at once on as many worker
//                                            threads (BENCH_THREADS=0: on the main thread), BENCH_RUNS=3)
//   TRIBUTARY_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres npm run bench:reconcile
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import { ENTITIES_PER_DEVICE, INTERFACES, requestBytes } from './device-payloads.ts'
import { openEmbeddedQueue } from '../queue/index.ts'
import { connectPostgres, migrate, type Db } from '../store/index.ts'
import { silentLogger } from '../config/logger.ts'
import { createReconciler, startApplyWorkers, type ApplyWorkers } from '../reconciler/index.ts'

const ADMIN_URL = process.env.TRIBUTARY_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const DEVICES = Number(process.env.BENCH_DEVICES ?? 1024)
const BATCH = Number(process.env.BENCH_BATCH ?? 64)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2)
// Four batches per thread before each measured phase: with one, the threads' first measured
// batches still ran partly unoptimised code (~75 us of CPU per new entity against ~62 when warm).
const WARMUP_DEVICES = 4 * BATCH * CONCURRENCY
// Batches are applied on worker threads, as the reconciler does with PostgreSQL; BENCH_THREADS=0
// applies them on the main thread (as with the embedded store).
const THREADS = process.env.BENCH_THREADS !== '0'


/** CPU seconds used so far by each server process (backend) of the bench's database, by pid;
 * empty where /proc is not there. Beside the reconciler's own CPU it shows which side of the
 * pipeline is the limit. Only this database's backends count, so other work on the server (other
 * databases, other benches) stays out; the shared WAL writer and checkpointer stay out too. */
async function backendCpuSeconds (db: Db): Promise<Map<number, number>> {
  const out = new Map<number, number>()
  const r = await db.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()')
  for (const { pid } of r.rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100) // utime + stime, USER_HZ ticks
    } catch { /* not on this machine, or exited meanwhile */ }
  }
  return out
}

/** CPU the backends used between two readings (a backend started in between counts in full). */
function cpuBetween (before: Map<number, number>, after: Map<number, number>): number {
  let s = 0
  for (const [pid, t] of after) s += t - (before.get(pid) ?? 0)
  return s
}

/** The machine's CPU time so far in USER_HZ ticks, all of it and the part the hypervisor gave to
 * other guests (steal); undefined where /proc/stat is not there. On a shared VM a run that lost
 * CPU to its neighbours is slow for reasons the code does not have. */
function machineTicks (): { total: number, steal: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'latin1').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal (guest time is already within user)
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 }
  } catch {
    return undefined
  }
}

interface Rate { perSecond: number, seconds: number }
interface Drained extends Rate { cpuPerEntity: number, pgCpuPerEntity: number, stealShare: number | null }

/** Publishes one request per device (devices `first`..`first + devices - 1`), starts a reconciler
 * and returns entities/s until idle. */
async function drain (db: Db, dir: string, variant: 'base' | 'changed', workers: ApplyWorkers | undefined, devices = DEVICES, first = 0): Promise<Drained> {
  const queue = await openEmbeddedQueue({ dir })
  try {
    for (let d = first; d < first + devices; d++) await queue.publish(randomUUID(), requestBytes(d, variant))
    const reconciler = createReconciler({ db, queue, logger: silentLogger, batchSize: BATCH, concurrency: CONCURRENCY, applyWorkers: workers })
    const started = process.hrtime.bigint()
    const cpu = process.cpuUsage()
    const pgCpu = await backendCpuSeconds(db)
    const ticks = machineTicks()
    reconciler.start()
    await reconciler.idle()
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const used = process.cpuUsage(cpu)
    const ticksAfter = machineTicks()
    const pgUsed = cpuBetween(pgCpu, await backendCpuSeconds(db))
    await reconciler.close()
    const entities = devices * ENTITIES_PER_DEVICE
    const stealShare = ticks && ticksAfter && ticksAfter.total > ticks.total ? (ticksAfter.steal - ticks.steal) / (ticksAfter.total - ticks.total) : null
    return { perSecond: entities / seconds, seconds, cpuPerEntity: (used.user + used.system) / entities, pgCpuPerEntity: pgUsed * 1e6 / entities, stealShare }
  } finally {
    await queue.close()
  }
}

/** A run's phase: first WARMUP_DEVICES other devices in the same variant (not counted, so V8 has
 * compiled the code the phase runs, on the threads that run it), then the measured devices. */
async function phase (db: Db, dirs: () => string, variant: 'base' | 'changed', workers: ApplyWorkers | undefined): Promise<Drained> {
  await drain(db, dirs(), variant, workers, WARMUP_DEVICES, DEVICES)
  return drain(db, dirs(), variant, workers)
}

/** The ceiling: the same device, interface and address rows written with multi-row INSERTs, one
 * transaction per batch of the same size. `constrained` writes into the real tables of a freshly
 * migrated database (same indexes, unique keys and foreign keys as the reconciler faces, but no
 * matching, no change log, no ingestion log); otherwise into bare copies without indexes or keys. */
async function rawInsert (db: Db, constrained: boolean, connections = 1): Promise<Rate> {
  const t = constrained
    ? { device: 'device', interface: 'interface', ip: 'ip_address' }
    : { device: 'raw_device', interface: 'raw_interface', ip: 'raw_ip_address' }
  if (constrained) {
    await db.exec(`insert into site (id, name, slug) values (1, 'raw', 'raw');
      insert into manufacturer (id, name, slug) values (1, 'raw', 'raw');
      insert into device_type (id, manufacturer_id, model, slug) values (1, 1, 'raw', 'raw');
      insert into device_role (id, name, slug) values (1, 'raw', 'raw')`)
  } else {
    await db.exec(`create table raw_device (like device including defaults);
      create table raw_interface (like interface including defaults);
      create table raw_ip_address (like ip_address including defaults)`)
  }
  const insertBatch = async (first: number): Promise<void> => {
    const devs = Array.from({ length: Math.min(BATCH, DEVICES - first) }, (_, i) => first + i + 1)
    await db.transaction(async (tx) => {
      await tx.query(`insert into ${t.device} (id, name, device_type_id, role_id, site_id, serial, status)
        select id, 'bench-' || id, 1, 1, 1, 'SN' || id, 'active' from unnest($1::int8[]) as p(id)`, [devs])
      const ifId: number[] = []
      const ifDev: number[] = []
      const ifName: string[] = []
      const ipAddr: string[] = []
      for (const d of devs) {
        for (let i = 0; i < INTERFACES; i++) {
          ifId.push((d - 1) * INTERFACES + i + 1); ifDev.push(d); ifName.push(`ge-0/0/${i}`)
          const a = d * INTERFACES + i
          ipAddr.push(`10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}/16`)
        }
      }
      await tx.query(`insert into ${t.interface} (id, device_id, name, type, enabled, mtu, description)
        select id, d, n, '1000base-t', true, 1514, 'port ' || n from unnest($1::int8[], $2::int8[], $3::text[]) as p(id, d, n)`, [ifId, ifDev, ifName])
      await tx.query(`insert into ${t.ip} (address, interface_id, status) select a, i, 'active' from unnest($1::inet[], $2::int8[]) as p(a, i)`, [ipAddr, ifId])
    })
  }
  // `connections` transactions at once, each taking the next batch, as the reconciler's batches in flight.
  let next = 0
  const started = process.hrtime.bigint()
  await Promise.all(Array.from({ length: connections }, async () => {
    for (;;) {
      const first = next
      if (first >= DEVICES) return
      next += BATCH
      await insertBatch(first)
    }
  }))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return { perSecond: (DEVICES * ENTITIES_PER_DEVICE) / seconds, seconds }
}

/** The fastest of several runs. */
function best<T extends Rate> (list: T[]): T {
  return list.reduce((a, b) => b.perSecond > a.perSecond ? b : a)
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(9)
const percent = (share: number): string => (100 * share).toFixed(1)

/** A migrated database of its own, and its URL (for the reconciler's worker threads). */
async function freshDatabase (admin: pg.Client, dbs: string[]): Promise<{ db: Db, url: string }> {
  const name = `bench_reconcile_${randomBytes(4).toString('hex')}`
  await admin.query(`create database ${name}`)
  dbs.push(name)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const db = await connectPostgres({ url: url.toString(), max: 4 })
  await migrate(db)
  return { db, url: url.toString() }
}

async function main (): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  const names: string[] = []
  const open: Db[] = []
  const dirs: string[] = []
  const queueDir = (): string => { const d = mkdtempSync(join(tmpdir(), 'bench-reconcile-')); dirs.push(d); return d }
  try {
    const entities = DEVICES * ENTITIES_PER_DEVICE
    console.log(`reconciler bench: ${DEVICES} devices x (1 device + ${INTERFACES} interfaces + ${INTERFACES} addresses) = ${entities} entities per run, ` +
      `one request per device, ${BATCH} requests per transaction, embedded queue -> reconciler (consumer) -> PostgreSQL, best of ${RUNS} runs`)
    // A reconciler runs for days: its first batches, while V8 compiles its code, say nothing about
    // its rate. Every measured phase comes after a smaller one of its kind (phase()), on the same
    // threads.
    // Each figure is the best of RUNS runs, each run on a database of its own: on a shared machine
    // one run of a few seconds measured the same code anywhere between 34,000 and 57,000 rows/s
    // (raw INSERT) and 9,500 and 13,500 entities/s (new objects). The best is the closest to what
    // the code can do; every run's figures are printed and kept in the JSON line.
    const runs: { new: Drained[], unchanged: Drained[], changed: Drained[], raw: Rate[], raw_parallel: Rate[] } =
      { new: [], unchanged: [], changed: [], raw: [], raw_parallel: [] }
    for (let r = 0; r < RUNS; r++) {
      const { db, url } = await freshDatabase(admin, names)
      open.push(db)
      const workers = THREADS ? startApplyWorkers({ postgresUrl: url, threads: CONCURRENCY, logger: silentLogger }) : undefined
      try {
        runs.new.push(await phase(db, queueDir, 'base', workers))
        runs.unchanged.push(await phase(db, queueDir, 'base', workers))
        runs.changed.push(await phase(db, queueDir, 'changed', workers))
      } finally {
        await workers?.close()
      }
      const { db: rawDb } = await freshDatabase(admin, names)
      open.push(rawDb)
      runs.raw.push(await rawInsert(rawDb, true))
      const { db: parallelDb } = await freshDatabase(admin, names)
      open.push(parallelDb)
      runs.raw_parallel.push(await rawInsert(parallelDb, true, CONCURRENCY))
      console.log(`run ${r + 1}/${RUNS}: new ${fmt(runs.new[r].perSecond)}, unchanged ${fmt(runs.unchanged[r].perSecond)}, ` +
        `10% changed ${fmt(runs.changed[r].perSecond)} entities/s; raw INSERT ${fmt(runs.raw[r].perSecond)} rows/s, ` +
        `${fmt(runs.raw_parallel[r].perSecond)} rows/s on ${CONCURRENCY} connections` +
        (runs.new[r].stealShare === null ? '' : `; host steal ${[runs.new[r], runs.unchanged[r], runs.changed[r]].map((x) => percent(x.stealShare ?? 0)).join('/')}%`))
    }
    const created = best(runs.new)
    const unchanged = best(runs.unchanged)
    const changed = best(runs.changed)
    const raw = best(runs.raw)
    const rawParallel = best(runs.raw_parallel)
    const rawDb = open[open.length - 1]
    const bare = await rawInsert(rawDb, false)
    const beside = `raw INSERT ${fmt(raw.perSecond)} rows/s (same schema), ${fmt(rawParallel.perSecond)} rows/s (same schema, ${CONCURRENCY} connections), ${fmt(bare.perSecond)} rows/s (bare tables)`
    // CPU time of this process (the reconciler) per entity: what the machine's other load does not change much.
    const cpu = (r: Drained): string =>
      `${r.cpuPerEntity.toFixed(0).padStart(4)} us CPU/entity, PostgreSQL ${r.pgCpuPerEntity.toFixed(0).padStart(4)} us` +
      (r.stealShare === null ? '' : `, host steal ${percent(r.stealShare)}%`)
    const steal = (r: Drained): number | null => r.stealShare === null ? null : Number(r.stealShare.toFixed(3))
    console.log(`new objects      ${fmt(created.perSecond)} entities/s   (${created.seconds.toFixed(2)} s, ${cpu(created)})   ${beside}`)
    console.log(`unchanged        ${fmt(unchanged.perSecond)} entities/s   (${unchanged.seconds.toFixed(2)} s, ${cpu(unchanged)})   ${beside}`)
    console.log(`10% changed      ${fmt(changed.perSecond)} entities/s   (${changed.seconds.toFixed(2)} s, ${cpu(changed)})   ${beside}`)
    console.log(JSON.stringify({
      entities,
      devices: DEVICES,
      batch_requests: BATCH,
      new_per_s: Math.round(created.perSecond),
      unchanged_per_s: Math.round(unchanged.perSecond),
      changed_per_s: Math.round(changed.perSecond),
      raw_insert_per_s: Math.round(raw.perSecond),
      raw_insert_bare_tables_per_s: Math.round(bare.perSecond),
      new_vs_raw: Number((created.perSecond / raw.perSecond).toFixed(3)),
      // The same rows on as many connections as the reconciler has batches in flight: what the
      // server takes when the client side is free. A stricter ceiling than the one-connection rate.
      raw_insert_parallel_per_s: Math.round(rawParallel.perSecond),
      new_vs_raw_parallel: Number((created.perSecond / rawParallel.perSecond).toFixed(3)),
      runs: RUNS,
      per_run: Object.fromEntries(Object.entries(runs).map(([k, list]: [string, Rate[]]) => [k, list.map((x) => Math.round(x.perSecond))])),
      reconciler_cpu_us_per_entity: { new: Math.round(created.cpuPerEntity), unchanged: Math.round(unchanged.cpuPerEntity), changed: Math.round(changed.cpuPerEntity) },
      postgres_cpu_us_per_entity: { new: Math.round(created.pgCpuPerEntity), unchanged: Math.round(unchanged.pgCpuPerEntity), changed: Math.round(changed.pgCpuPerEntity) },
      // Share of the machine's CPU time the hypervisor gave to other guests during those runs.
      host_steal_share: { new: steal(created), unchanged: steal(unchanged), changed: steal(changed) },
      // The machine's 1-minute load average when the run ended: figures from a busy machine are low.
      load_avg_1m: Number(loadavg()[0].toFixed(2))
    }))
  } finally {
    for (const db of open) await db.close()
    for (const n of names) await admin.query(`drop database if exists ${n} with (force)`)
    await admin.end()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
}

await main()
