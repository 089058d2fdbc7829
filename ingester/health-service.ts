// grpc.health.v1 (Check, List, Watch) and server reflection, so load balancers and
// `grpcurl -plaintext host:port list` work against the ingester. A service is SERVING while the
// queue can take a publish.
import { fileURLToPath } from 'node:url'
import * as grpc from '@grpc/grpc-js'
import type { PackageDefinition } from '@grpc/proto-loader'
import { ReflectionService } from '@grpc/reflection'
import protobuf from 'protobufjs'
import descriptor from 'protobufjs/ext/descriptor/index.js'
import { root as diodeRoot } from '../proto/index.ts'

const HEALTH_PROTO = fileURLToPath(new URL('./proto/grpc/health/v1/health.proto', import.meta.url))
/** ms between readiness checks while a Watch stream is open. */
const WATCH_INTERVAL = 2000

export const INGESTER_SERVICE = 'diode.v1.IngesterService'

interface Loaded { health: protobuf.Root, reflection: PackageDefinition }
let loaded: Loaded | undefined

// Reflection only needs the encoded FileDescriptorProtos. Deriving them from the protobufjs roots
// we already hold takes a fraction of a second; @grpc/proto-loader's full package definition of
// the diode schema took several seconds of blocked event loop on a small machine.
function load (): Loaded {
  if (loaded) return loaded
  const health = new protobuf.Root().loadSync(HEALTH_PROTO, { keepCase: true })
  health.resolveAll()
  const toDescriptor = (r: protobuf.Root): Buffer[] => {
    const set = (r as unknown as { toDescriptor (syntax: string): { file: unknown[] } }).toDescriptor('proto3')
    const FileDescriptorProto = (descriptor as unknown as { FileDescriptorProto: protobuf.Type }).FileDescriptorProto
    return set.file.map((f) => Buffer.from(FileDescriptorProto.encode(f as protobuf.Message).finish()))
  }
  const fileDescriptorProtos = [...toDescriptor(diodeRoot), ...toDescriptor(health)]
  loaded = { health, reflection: { 'tributary.descriptors': { format: 'Protocol Buffer 3 FileDescriptorProto', type: {}, fileDescriptorProtos } } as unknown as PackageDefinition }
  return loaded
}

function healthDefinition (root: protobuf.Root): grpc.ServiceDefinition {
  const service = root.lookupService('grpc.health.v1.Health')
  const def: Record<string, grpc.MethodDefinition<unknown, unknown>> = {}
  for (const m of service.methodsArray) {
    const req = root.lookupType(m.requestType)
    const res = root.lookupType(m.responseType)
    def[m.name] = {
      path: `/grpc.health.v1.Health/${m.name}`,
      requestStream: false,
      responseStream: Boolean(m.responseStream),
      requestSerialize: (v) => Buffer.from(req.encode(req.fromObject(v as object)).finish()),
      requestDeserialize: (b: Buffer) => req.toObject(req.decode(b), { defaults: true }),
      responseSerialize: (v) => Buffer.from(res.encode(res.fromObject(v as object)).finish()),
      responseDeserialize: (b: Buffer) => res.toObject(res.decode(b), { enums: String, defaults: true })
    }
  }
  return def as grpc.ServiceDefinition
}

type Status = 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN'

/** Adds Health and reflection to `server`. `extraServices` are reported as known to Check/List. */
export function addHealthAndReflection (server: grpc.Server, isReady: () => Promise<boolean>, extraServices: string[]): { stop (): void } {
  const { health: healthRoot, reflection } = load()
  const known = new Set(['', INGESTER_SERVICE, ...extraServices])
  const status = async (service: string): Promise<Status> => {
    if (!known.has(service)) return 'SERVICE_UNKNOWN'
    return await isReady().catch(() => false) ? 'SERVING' : 'NOT_SERVING'
  }
  const watchers = new Set<NodeJS.Timeout>()
  server.addService(healthDefinition(healthRoot), {
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
  new ReflectionService(reflection, { services: ['grpc.health.v1.Health', ...[...known].filter(Boolean)] }).addToServer(server)
  return {
    stop () {
      for (const t of watchers) clearInterval(t)
      watchers.clear()
    }
  }
}
