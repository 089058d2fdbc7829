// SNMP collector benchmark (npm run bench:snmp).
// 1. Wall time of collectSnmp against Debian's snmpbulkwalk (C) walking the same columns of the
//    same snmpsim recording, one snmpbulkwalk per column as an operator would (target <= 1.2x).
// 2. 1,000 simulated devices (one recording under 1,000 communities) collected at a fixed
//    concurrency with p-queue: total time (target < 60 s) and this process's peak RSS (target
//    < 150 MB). snmpsimd answers in about 45 ms per request here, so 1,000 devices x ~35 requests
//    would measure the simulator, not the agent: by default the fleet is served by the lab's
//    pure-Node responder (lab/snmp-responder.ts) in a child process, so neither its CPU nor its
//    memory counts against the agent; BENCH_SNMP_SIMULATOR=snmpsimd uses snmpsimd instead.
//    Against loopback a handful of devices in flight saturate the agent's one thread; each extra
//    in-flight device adds roughly 0.4 MB of heap, hence the default concurrency of 16.
// The last output line is one JSON object. Options (environment):
//   BENCH_SNMP_DEVICES (1000), BENCH_SNMP_CONCURRENCY (16), BENCH_SNMP_RUNS (5),
//   BENCH_SNMP_RECORDING (a .snmprec path; default the corpus arista_eos, else the Cisco fixture),
//   BENCH_SNMP_SIMULATOR (node | snmpsimd; default node), BENCH_SNMP_SIMULATORS (snmpsimd
//   processes for part 2 with snmpsimd; default: CPU count).
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import PQueue from 'p-queue'
import { collectSnmp, snmpWalkPlan, startSnmpSimulator, type SnmpSimulator } from '../agent/snmp/index.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const corpusRecording = join(root, '..', 'shared', 'corpus', 'snmprec', 'arista_eos.snmprec')
const recording = process.env.BENCH_SNMP_RECORDING ?? (existsSync(corpusRecording) ? corpusRecording : join(root, 'test', 'fixtures', 'snmp', 'cisco-c9300.snmprec'))
const fleetRecording = join(root, 'test', 'fixtures', 'snmp', 'cisco-c9300.snmprec')
const devices = Number(process.env.BENCH_SNMP_DEVICES ?? 1000)
const concurrency = Number(process.env.BENCH_SNMP_CONCURRENCY ?? 16)
const runs = Number(process.env.BENCH_SNMP_RUNS ?? 5)
const simulators = Math.max(1, Number(process.env.BENCH_SNMP_SIMULATORS ?? cpus().length))
const fleetSimulator = process.env.BENCH_SNMP_SIMULATOR ?? 'node'
const MAX_REPETITIONS = 25

function median (xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function run (cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (d) => { err += String(d) })
    child.on('error', reject)
    child.on('exit', (code) => code === 0 ? resolve(0) : reject(new Error(`${cmd} exited ${code}: ${err}`)))
  })
}

async function walkAllWithSnmpbulkwalk (port: number, community: string, sysObjectId: string | undefined): Promise<void> {
  // The same collection as collectSnmp: the system group, then every column, one walk each.
  await run('snmpget', ['-v2c', '-c', community, '-t', '2', '-r', '1', `127.0.0.1:${port}`,
    '1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.1.4.0', '1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.6.0'])
  for (const { columns } of snmpWalkPlan(sysObjectId)) {
    for (const column of columns) await run('snmpbulkwalk', ['-v2c', '-c', community, '-t', '2', '-r', '1', `-Cr${MAX_REPETITIONS}`, '-On', `127.0.0.1:${port}`, column])
  }
}

async function partRatio (): Promise<{ ours: number, theirs: number, columns: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-snmp-one-'))
  const community = basename(recording, '.snmprec')
  copyFileSync(recording, join(dir, basename(recording)))
  const sim = await startSnmpSimulator({ dataDir: dir })
  try {
    const settings = { host: '127.0.0.1', port: sim.port, credentials: [{ version: '2c' as const, community }], maxRepetitions: MAX_REPETITIONS }
    // Warm both paths once (snmpsim's first answers per file are slower).
    const { device } = await collectSnmp(settings)
    const sysObjectId = device.sysObjectId
    await walkAllWithSnmpbulkwalk(sim.port, community, sysObjectId)
    const ours: number[] = []
    const theirs: number[] = []
    for (let i = 0; i < runs; i++) {
      let t = performance.now()
      await collectSnmp(settings)
      ours.push(performance.now() - t)
      t = performance.now()
      await walkAllWithSnmpbulkwalk(sim.port, community, sysObjectId)
      theirs.push(performance.now() - t)
    }
    return { ours: median(ours), theirs: median(theirs), columns: snmpWalkPlan(sysObjectId).flatMap((t) => t.columns).length }
  } finally {
    await sim.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A child process serving `recording` under dev0000..devNNNN with the lab responder; resolves its port. */
async function startNodeFleet (count: number): Promise<{ port: number, stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--responder', fleetRecording, String(count)], { stdio: ['ignore', 'pipe', 'inherit'], cwd: root })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d) => {
      out += String(d)
      const m = /listening (\d+)/.exec(out)
      if (m !== null) resolve(Number(m[1]))
    })
    child.once('exit', (code) => reject(new Error(`responder exited ${code}`)))
  })
  return {
    port,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }
}

async function fleetTargets (): Promise<{ targets: Array<{ port: number, community: string }>, stop: () => Promise<void> }> {
  const name = (i: number): string => `dev${String(i).padStart(4, '0')}`
  if (fleetSimulator === 'node') {
    const fleet = await startNodeFleet(devices)
    return { targets: Array.from({ length: devices }, (_, i) => ({ port: fleet.port, community: name(i) })), stop: fleet.stop }
  }
  const sims: SnmpSimulator[] = []
  const dirs: string[] = []
  const targets: Array<{ port: number, community: string }> = []
  const perSim = Math.ceil(devices / simulators)
  const starts: Array<Promise<SnmpSimulator>> = []
  for (let s = 0; s < simulators; s++) {
    const dir = mkdtempSync(join(tmpdir(), `bench-snmp-fleet${s}-`))
    dirs.push(dir)
    for (let i = s * perSim; i < Math.min(devices, (s + 1) * perSim); i++) copyFileSync(fleetRecording, join(dir, `${name(i)}.snmprec`))
    starts.push(startSnmpSimulator({ dataDir: dir, startTimeout: 600_000 }))
  }
  sims.push(...await Promise.all(starts))
  for (let s = 0; s < simulators; s++) {
    for (let i = s * perSim; i < Math.min(devices, (s + 1) * perSim); i++) targets.push({ port: sims[s].port, community: name(i) })
  }
  return {
    targets,
    stop: async () => {
      await Promise.all(sims.map((s) => s.stop()))
      for (const d of dirs) rmSync(d, { recursive: true, force: true })
    }
  }
}

async function partFleet (): Promise<{ seconds: number, ok: number, failed: number }> {
  const { targets, stop } = await fleetTargets()
  try {
    const queue = new PQueue({ concurrency })
    let ok = 0
    let failed = 0
    const t = performance.now()
    await Promise.all(targets.map(({ port, community }) => queue.add(async () => {
      try {
        const r = await collectSnmp({ host: '127.0.0.1', port, timeout: 10_000, retries: 2, credentials: [{ version: '2c', community }] }, { deadline: Date.now() + 120_000 })
        if (r.device.interfaces.length === 14 && r.warnings === undefined) ok++
        else failed++
      } catch {
        failed++
      }
    })))
    return { seconds: (performance.now() - t) / 1000, ok, failed }
  } finally {
    await stop()
  }
}

if (process.argv[2] === '--responder') {
  // Child mode: serve one recording under many communities until killed.
  const { loadSnmprec } = await import('../lab/snmprec.ts')
  const { startSnmpResponder } = await import('../lab/snmp-responder.ts')
  const table = loadSnmprec(process.argv[3])
  const recordings = new Map(Array.from({ length: Number(process.argv[4]) }, (_, i) => [`dev${String(i).padStart(4, '0')}`, table]))
  const responder = await startSnmpResponder({ recordings })
  process.stdout.write(`listening ${responder.port}\n`)
  process.once('SIGTERM', () => { void responder.close().then(() => process.exit(0)) })
  await new Promise(() => {})
}

const ratio = await partRatio()
console.log(`collectSnmp ${ratio.ours.toFixed(0)} ms vs snmpget+snmpbulkwalk ${ratio.theirs.toFixed(0)} ms over the same ${ratio.columns} columns of ${basename(recording)} (median of ${runs})`)
const fleet = await partFleet()
const peakRssMb = process.resourceUsage().maxRSS / 1024
console.log(`${devices} devices (${fleet.ok} complete, ${fleet.failed} failed) in ${fleet.seconds.toFixed(1)} s at concurrency ${concurrency} (${fleetSimulator === 'node' ? 'lab responder' : `${simulators} snmpsimd`}); peak RSS ${peakRssMb.toFixed(0)} MB`)
console.log(JSON.stringify({
  ratio_vs_snmpbulkwalk: Number((ratio.ours / ratio.theirs).toFixed(3)),
  collect_ms: Number(ratio.ours.toFixed(1)),
  snmpbulkwalk_ms: Number(ratio.theirs.toFixed(1)),
  recording: basename(recording),
  devices,
  complete: fleet.ok,
  failed: fleet.failed,
  concurrency,
  simulator: fleetSimulator === 'node' ? 'lab-responder' : `snmpsimd x${simulators}`,
  seconds: Number(fleet.seconds.toFixed(2)),
  peak_rss_mb: Number(peakRssMb.toFixed(1))
}))
