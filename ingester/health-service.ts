// grpc.health.v1 (Check, List, Watch) and server reflection, so load balancers and
// `grpcurl -plaintext host:port list` work against the ingester. A service is SERVING while the
// queue can take a publish.
import { fileURLToPath } from 'node:url'
import * as grpc from '@grpc/grpc-js'
import * as protoLoader from '@grpc/proto-loader'
import { ReflectionService } from '@grpc/reflection'

const INGESTER_PROTO_DIR = fileURLToPath(new URL('./proto/', import.meta.url))
const DIODE_PROTO_DIR = fileURLToPath(new URL('../proto/', import.meta.url))
/** ms between readiness checks while a Watch stream is open. */
const WATCH_INTERVAL = 2000

export const INGESTER_SERVICE = 'diode.v1.IngesterService'

let packageDefinition: protoLoader.PackageDefinition | undefined

// Loaded once per process: parsing the diode protos takes a noticeable fraction of a second.
function definitions (): protoLoader.PackageDefinition {
  packageDefinition ??= protoLoader.loadSync(['grpc/health/v1/health.proto', 'diode/v1/ingester.proto', 'diode/v1/reconciler.proto'], {
    includeDirs: [INGESTER_PROTO_DIR, DIODE_PROTO_DIR],
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true
  })
  return packageDefinition
}

type Status = 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN'

/** Adds Health and reflection to `server`. `extraServices` are reported as known to Check/List. */
export function addHealthAndReflection (server: grpc.Server, isReady: () => Promise<boolean>, extraServices: string[]): { stop (): void } {
  const pkg = definitions()
  const known = new Set(['', INGESTER_SERVICE, ...extraServices])
  const status = async (service: string): Promise<Status> => {
    if (!known.has(service)) return 'SERVICE_UNKNOWN'
    return await isReady().catch(() => false) ? 'SERVING' : 'NOT_SERVING'
  }
  const watchers = new Set<NodeJS.Timeout>()
  const healthDef = pkg['grpc.health.v1.Health'] as grpc.ServiceDefinition
  server.addService(healthDef, {
    Check: (call: grpc.ServerUnaryCall<{ service: string }, unknown>, cb: grpc.sendUnaryData<unknown>) => {
      void status(call.request.service).then((s) => {
        if (s === 'SERVICE_UNKNOWN') cb({ code: grpc.status.NOT_FOUND, details: `unknown service ${JSON.stringify(call.request.service)}` })
        else cb(null, { status: s })
      })
    },
    List: (_call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => {
      void Promise.all([...known].map(async (name) => [name, { status: await status(name) }] as const))
        .then((entries) => cb(null, { statuses: Object.fromEntries(entries) }))
    },
    Watch: (call: grpc.ServerWritableStream<{ service: string }, unknown>) => {
      let last: Status | undefined
      const tick = async (): Promise<void> => {
        const s = await status(call.request.service)
        if (s !== last && !call.cancelled) { last = s; call.write({ status: s }) }
      }
      void tick()
      const timer = setInterval(() => { void tick() }, WATCH_INTERVAL)
      timer.unref()
      watchers.add(timer)
      const end = (): void => { clearInterval(timer); watchers.delete(timer) }
      call.on('cancelled', end)
      call.on('close', end)
    }
  })
  new ReflectionService(pkg).addToServer(server)
  return {
    stop () {
      for (const t of watchers) clearInterval(t)
      watchers.clear()
    }
  }
}
