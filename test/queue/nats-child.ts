// A nats-server of the test's own, for outage tests: the machine's shared server must never be
// stopped, since other tests use it. JetStream stores in `storeDir`, so a restart keeps the stream.
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

const NATS_SERVER = process.env.TRIBUTARY_NATS_SERVER_BIN ?? '/usr/sbin/nats-server'

async function freePort (): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const port = (s.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

async function waitForPort (port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => { c.destroy(); resolve(true) })
      c.on('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline) throw new Error(`nats-server did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export interface NatsChild {
  url: string
  port: number
  start (storeDir?: string): Promise<void>
  stop (): Promise<void>
}

export async function createNatsChild (storeDir: string): Promise<NatsChild> {
  const port = await freePort()
  let child: ChildProcess | undefined
  let dir = storeDir
  const self: NatsChild = {
    url: `nats://127.0.0.1:${port}`,
    port,
    async start (newDir?: string) {
      if (newDir) dir = newDir
      child = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { stdio: 'ignore' })
      await waitForPort(port, 10_000)
    },
    async stop () {
      const c = child
      child = undefined
      if (!c || c.exitCode !== null) return
      const exited = new Promise((resolve) => c.once('exit', resolve))
      c.kill('SIGKILL')
      await exited
    }
  }
  await self.start()
  return self
}
