// npm run bench:validate -- [--entities 1000] [--rounds 300]
// Time of validateIngestRequest on the request bench/ingest.ts sends (1,000 entities, 155 KB): the
// part of an Ingest call the ingester spends on the bytes themselves. The machine is shared, so it
// times many short rounds (2 requests each) after a warm-up and reports the median and the best
// round (the least disturbed by other load), plus CPU time over all rounds and the bytes one
// call allocates. The last line is one JSON object for comparing runs.
import { randomUUID } from 'node:crypto'
import { Session } from 'node:inspector/promises'
import { parseArgs } from 'node:util'
import { validateIngestRequest } from '../ingester/index.ts'
import { RequestBuffer, requestBody } from './ingest-request.ts'

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '300' }
  }
})
const entityCount = Number(values.entities)
const rounds = Number(values.rounds)
if (!(entityCount > 0 && rounds > 0)) {
  console.error('--entities and --rounds must be positive numbers')
  process.exit(2)
}
const PER_ROUND = 2

const request = new RequestBuffer(requestBody(entityCount))
request.setId(randomUUID())
const options = { reconciledTypes: new Set(['device', 'interface', 'ip_address']) }

function validate (): void {
  if (validateIngestRequest(request.bytes, options).entityCount !== entityCount) throw new Error('wrong entity count')
}

for (let i = 0; i < 200; i++) validate()
const times: number[] = []
const cpu = process.cpuUsage()
for (let r = 0; r < rounds; r++) {
  const t = performance.now()
  for (let i = 0; i < PER_ROUND; i++) validate()
  times.push((performance.now() - t) * 1000 / PER_ROUND)
}
const used = process.cpuUsage(cpu)
times.sort((a, b) => a - b)
// Garbage per call, from V8's sampling heap profiler counting objects already collected too.
const session = new Session()
session.connect()
await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true })
for (let i = 0; i < 50; i++) validate()
const { profile } = await session.post('HeapProfiler.stopSampling')
session.disconnect()
const total = (n: { selfSize: number, children: Array<typeof n> }): number => n.children.reduce((sum, c) => sum + total(c), n.selfSize)
const garbage = total(profile.head) / 50

const round1 = (n: number): number => Math.round(n * 10) / 10
const result = {
  entities_per_request: entityCount,
  request_bytes: request.bytes.length,
  calls: rounds * PER_ROUND,
  us_per_request: round1(times[Math.floor(times.length / 2)]!),
  best_us_per_request: round1(times[0]!),
  cpu_us_per_request: round1((used.user + used.system) / (rounds * PER_ROUND)),
  allocated_bytes_per_request: Math.round(garbage)
}
console.log(`validateIngestRequest: ${result.us_per_request} µs per request (best ${result.best_us_per_request} µs, ${result.cpu_us_per_request} µs CPU), ${result.allocated_bytes_per_request} bytes allocated; ${entityCount} entities, ${result.request_bytes} bytes`)
console.log(JSON.stringify(result))
