// CPU time of flatten alone: the reconciler bench's device requests split (splitIngestRequest) and
// each entity flattened into nodes (flattenEntity) with a cache per batch, as a batch of
// BENCH_BATCH requests is. No database and no other thread, so unlike the end-to-end bench its
// figure holds still on a shared machine: CPU per entity, best pass and median of BENCH_PASSES.
// Last line: one JSON object.
//
//   npm run bench:flatten        (BENCH_BATCHES=8 batches of BENCH_BATCH=64 requests, BENCH_PASSES=12)
import { entityMember, splitIngestRequest } from '../proto/index.ts'
import { flattenEntity, type FlattenCache } from '../reconciler/flatten.ts'
import { requestBytes } from './device-payloads.ts'

const BATCHES = Number(process.env.BENCH_BATCHES ?? 8)
const BATCH = Number(process.env.BENCH_BATCH ?? 64)
const PASSES = Number(process.env.BENCH_PASSES ?? 12)
// The first passes run while V8 compiles flatten: not counted.
const WARMUP = 2

const batches = Array.from({ length: BATCHES }, (_, b) =>
  Array.from({ length: BATCH }, (_, i) => splitIngestRequest(requestBytes(b * BATCH + i, 'base')).entities).flat())
const entities = batches.reduce((n, b) => n + b.length, 0)

/** One pass over every batch; CPU microseconds per entity. */
function pass (): number {
  const started = process.cpuUsage()
  let nodes = 0
  for (const parts of batches) {
    const cache: FlattenCache = new Map()
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]
      nodes += flattenEntity(i, p.type!, entityMember(p.bytes, p.type)!, cache).nodes.length
    }
  }
  const used = process.cpuUsage(started)
  if (nodes === 0) throw new Error('flatten made no nodes')
  return (used.user + used.system) / entities
}

const runs: number[] = []
for (let i = 0; i < WARMUP + PASSES; i++) {
  const us = pass()
  if (i >= WARMUP) runs.push(us)
}
const sorted = runs.slice().sort((a, b) => a - b)
const best = sorted[0]
const median = sorted[sorted.length >> 1]
console.log(`flatten bench: ${BATCHES} batches x ${BATCH} requests x (1 device + 48 interfaces + 48 addresses) = ${entities} entities per pass, best of ${PASSES} passes`)
console.log(`flatten  ${best.toFixed(2)} us CPU/entity (best), ${median.toFixed(2)} (median)`)
console.log(JSON.stringify({ entities, passes: PASSES, us_per_entity_best: Number(best.toFixed(2)), us_per_entity_median: Number(median.toFixed(2)) }))
