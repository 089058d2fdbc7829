import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setImmediate as tick } from 'node:timers/promises'
import { createScheduler, createAgent, parseAgentConfig } from '../../agent/index.ts'
import type { Clock } from '../../agent/index.ts'
import { fakeDevice, recordingIngestor, silentAgentLogger, waitFor } from './runtime-helpers.ts'

interface FakeClock extends Clock {
  advance (ms: number): Promise<void>
  pending (): number
}

/** A clock whose time moves only when the test says, firing due timers in order. */
function fakeClock (start: number): FakeClock {
  let now = start
  const timers: Array<{ due: number, fn: () => void, active: boolean }> = []
  return {
    now: () => now,
    setTimer (fn, delay) {
      const t = { due: now + delay, fn, active: true }
      timers.push(t)
      return () => { t.active = false }
    },
    async advance (ms) {
      const until = now + ms
      for (;;) {
        const next = timers.filter((t) => t.active && t.due <= until).sort((a, b) => a.due - b.due)[0]
        if (next === undefined) break
        next.active = false
        now = next.due
        next.fn()
        await tick()
      }
      now = until
      await tick()
    },
    pending: () => timers.filter((t) => t.active).length
  }
}

function deferred (): { promise: Promise<void>, resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => { resolve = r })
  return { promise, resolve }
}

const MINUTE = 60_000
const T0 = Date.parse('2026-01-01T00:00:30Z')

test('scheduler - a tick while the job still runs is skipped, the next one after it ends runs', async () => {
  const clock = fakeClock(T0)
  const skipped: string[] = []
  const scheduler = createScheduler({ logger: silentAgentLogger, clock, onSkip: (n) => skipped.push(n) })
  let calls = 0
  let gate = deferred()
  scheduler.add('core', '* * * * *', async () => { calls++; await gate.promise })
  scheduler.start()
  assert.equal(scheduler.nextRun('core'), Date.parse('2026-01-01T00:01:00Z'))
  await clock.advance(MINUTE) // 00:01:30, first tick at 00:01:00
  assert.equal(calls, 1)
  assert.equal(scheduler.isRunning('core'), true)
  await clock.advance(MINUTE) // tick at 00:02:00 while running
  await clock.advance(MINUTE) // and at 00:03:00
  assert.equal(calls, 1)
  assert.deepEqual(skipped, ['core', 'core'])
  gate.resolve()
  await tick()
  assert.equal(scheduler.isRunning('core'), false)
  gate = deferred()
  await clock.advance(MINUTE) // 00:04:00 runs again
  assert.equal(calls, 2)
  gate.resolve()
  await scheduler.stop()
  assert.equal(clock.pending(), 0)
  await clock.advance(10 * MINUTE)
  assert.equal(calls, 2)
})

test('scheduler - a job without schedule runs once at start; stop waits for runs in flight', async () => {
  const clock = fakeClock(T0)
  const scheduler = createScheduler({ logger: silentAgentLogger, clock })
  const gate = deferred()
  let finished = false
  scheduler.add('once', undefined, async () => { await gate.promise; finished = true })
  scheduler.start()
  assert.equal(scheduler.isRunning('once'), true)
  assert.equal(scheduler.nextRun('once'), undefined)
  const stopping = scheduler.stop()
  gate.resolve()
  await stopping
  assert.equal(finished, true)
})

test('scheduler - a failing job is contained and the schedule goes on', async () => {
  const clock = fakeClock(T0)
  const scheduler = createScheduler({ logger: silentAgentLogger, clock })
  let calls = 0
  scheduler.add('flaky', '*/5 * * * *', async () => { calls++; throw new Error('boom') })
  scheduler.start()
  await clock.advance(5 * MINUTE)
  await clock.advance(5 * MINUTE)
  assert.equal(calls, 2)
  await scheduler.stop()
})

test('scheduler - an agent policy never overlaps itself: slow collector, fast ticks', async () => {
  const clock = fakeClock(T0)
  const config = parseAgentConfig(`
tributary: { agent_name: a1, dry_run: true }
policies:
  slow:
    schedule: "* * * * *"
    scope: [ { targets: [10.0.0.1], snmp: { community: public } } ]
`)
  const gate = deferred()
  let calls = 0
  const ingestor = recordingIngestor()
  const agent = createAgent({
    config,
    logger: silentAgentLogger,
    clock,
    ingestor,
    collectors: { snmp: async (s) => { calls++; await gate.promise; return { device: fakeDevice(s.host), credentialIndex: 0 } } }
  })
  await agent.start()
  await clock.advance(MINUTE)
  await clock.advance(MINUTE)
  await clock.advance(MINUTE)
  assert.equal(calls, 1)
  const skipped = (await agent.metrics.registry.getSingleMetric('tributary_agent_ticks_skipped_total')!.get()).values
  assert.deepEqual(skipped.map((v) => [v.labels.policy, v.value]), [['slow', 2]])
  assert.equal(agent.status().policies[0].running, true)
  gate.resolve()
  await waitFor(() => !agent.status().policies[0].running)
  await agent.stop()
  assert.equal(ingestor.calls.length, 1)
})
