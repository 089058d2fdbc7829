// Loads the diode.v1 schema once with protobufjs and exposes the message codecs the rest of the
// system uses. Field names stay snake_case (keepCase) everywhere in Tributary, so the objects in
// code, in dry-run files and in logs read the same as the .proto.
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import protobuf from 'protobufjs'
import type { IngestRequest, IngestRequest__Output } from './generated/diode/v1/IngestRequest.ts'
import type { IngestResponse, IngestResponse__Output } from './generated/diode/v1/IngestResponse.ts'

const protoDir = dirname(fileURLToPath(import.meta.url))

function loadRoot (): protobuf.Root {
  const root = new protobuf.Root()
  // Well-known types (google/protobuf/*) are bundled with protobufjs; only resolve ours here.
  root.resolvePath = (_origin, target) => target.startsWith('google/protobuf/') ? target : join(protoDir, target)
  root.loadSync(['diode/v1/ingester.proto', 'diode/v1/reconciler.proto'], { keepCase: true })
  root.resolveAll()
  return root
}

export const root = loadRoot()

export function messageType (name: string): protobuf.Type {
  return root.lookupType(name.includes('.') ? name : `diode.v1.${name}`)
}

/** Options for turning decoded messages into plain objects: int64 as number, no virtual oneof keys
 * (proto3 `optional` would add `_name: "name"` noise); use entityTypeOf() for the member set. */
export const TO_OBJECT_OPTIONS: protobuf.IConversionOptions = {
  longs: Number,
  enums: String,
  bytes: Buffer,
  defaults: false,
  oneofs: false
}

export const IngestRequestType = messageType('IngestRequest')
export const IngestResponseType = messageType('IngestResponse')
export const EntityType = messageType('Entity')

/** Encodes a plain IngestRequest object (snake_case fields) to protobuf bytes. */
export function encodeIngestRequest (request: IngestRequest): Uint8Array {
  return IngestRequestType.encode(IngestRequestType.fromObject(request)).finish()
}

/** Decodes IngestRequest bytes; throws protobufjs' error on malformed input. */
export function decodeIngestRequest (bytes: Uint8Array): IngestRequest__Output {
  return IngestRequestType.toObject(IngestRequestType.decode(bytes), TO_OBJECT_OPTIONS) as IngestRequest__Output
}

export function encodeIngestResponse (response: IngestResponse): Uint8Array {
  return IngestResponseType.encode(IngestResponseType.fromObject(response)).finish()
}

export function decodeIngestResponse (bytes: Uint8Array): IngestResponse__Output {
  return IngestResponseType.toObject(IngestResponseType.decode(bytes), TO_OBJECT_OPTIONS) as IngestResponse__Output
}

/** Encodes any diode.v1 message by name, e.g. encodeMessage('RetrieveIngestionLogsResponse', obj). */
export function encodeMessage (name: string, value: object): Uint8Array {
  const type = messageType(name)
  return type.encode(type.fromObject(value as Record<string, unknown>)).finish()
}

export function decodeMessage<T> (name: string, bytes: Uint8Array): T {
  const type = messageType(name)
  return type.toObject(type.decode(bytes), TO_OBJECT_OPTIONS) as T
}
