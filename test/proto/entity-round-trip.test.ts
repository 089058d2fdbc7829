import { test } from 'node:test'
import assert from 'node:assert/strict'
import protobuf from 'protobufjs'
import { ENTITY_TYPES, ENTITY_MESSAGE, ENTITY_FIELD_NUMBER, EntityType, messageType, TO_OBJECT_OPTIONS, toProtoJson, fromProtoJson } from '../../proto/index.ts'

// A value for a scalar field, derived from the field so every member gets different data.
function sample (field: protobuf.Field, seed: number): unknown {
  switch (field.type) {
    case 'string': return `${field.name}-${seed}`
    case 'bool': return true
    case 'double': case 'float': return seed + 0.5
    case 'int64': case 'uint64': case 'sint64': case 'fixed64': case 'sfixed64':
    case 'int32': case 'uint32': case 'sint32': case 'fixed32': case 'sfixed32': return seed + 7
    case 'bytes': return Buffer.from([seed & 0xff, 1, 2])
  }
  return undefined
}

// Up to three scalar fields plus the first nested message that has a `name`, so each member's
// message carries real content in several wire types.
function buildMember (typeName: string, seed: number): Record<string, unknown> {
  const type = messageType(typeName)
  const out: Record<string, unknown> = {}
  let scalars = 0
  let nested = false
  for (const field of type.fieldsArray) {
    field.resolve()
    if (field.map) continue
    if (field.resolvedType instanceof protobuf.Type) {
      if (!nested && !field.repeated && field.resolvedType.fields.name?.type === 'string' && !field.resolvedType.fullName.startsWith('.google')) {
        out[field.name] = { name: `nested-${seed}` }
        nested = true
      }
      continue
    }
    if (field.resolvedType instanceof protobuf.Enum) continue
    if (scalars >= 3) continue
    const v = sample(field, seed)
    if (v === undefined) continue
    out[field.name] = field.repeated ? [v] : v
    scalars++
  }
  return out
}

test('proto - every Entity member round-trips through encode/decode and through proto JSON', () => {
  assert.ok(ENTITY_TYPES.length >= 100, `expected the full diode.v1 Entity oneof, got ${ENTITY_TYPES.length} members`)
  let seed = 0
  for (const member of ENTITY_TYPES) {
    seed++
    const value = buildMember(ENTITY_MESSAGE[member], seed)
    assert.ok(Object.keys(value).length > 0, `${member}: no field could be set`)
    const entity = { timestamp: { seconds: 1_700_000_000 + seed, nanos: seed * 1000 }, [member]: value }
    const bytes = EntityType.encode(EntityType.fromObject(entity)).finish()
    const decoded = EntityType.toObject(EntityType.decode(bytes), TO_OBJECT_OPTIONS)
    assert.deepEqual(decoded, entity, `${member}: binary round-trip changed the entity`)
    // The member's field number is on the wire: the first tag after the timestamp.
    assert.equal(EntityType.decode(bytes).$type.fields[member].id, ENTITY_FIELD_NUMBER[member])

    const json = toProtoJson('Entity', entity)
    assert.ok(member in json, `${member}: missing from JSON`)
    const back = fromProtoJson('Entity', JSON.parse(JSON.stringify(json)))
    const rebytes = EntityType.encode(EntityType.fromObject(back)).finish()
    assert.deepEqual(Buffer.from(rebytes), Buffer.from(bytes), `${member}: JSON round-trip changed the bytes`)
  }
})
