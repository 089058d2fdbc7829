// The members of the diode.v1.Entity oneof, read from the schema so the list can never drift
// from the .proto.
import { EntityType } from './codec.ts'
import type { Entity } from './generated/diode/v1/Entity.ts'

const oneof = EntityType.oneofs.entity
if (!oneof) throw new Error('diode.v1.Entity has no "entity" oneof')

/** snake_case member names of Entity.entity, e.g. "device", "ip_address". */
export const ENTITY_TYPES: readonly string[] = Object.freeze(oneof.fieldsArray.map((f) => f.name))

/** diode.v1 message name of each Entity member, e.g. ip_address -> IPAddress. */
export const ENTITY_MESSAGE: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(oneof.fieldsArray.map((f) => [f.name, f.type]))
)

/** Field number of each Entity member (timestamp is 1, members 2..107). */
export const ENTITY_FIELD_NUMBER: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(oneof.fieldsArray.map((f) => [f.name, f.id]))
)

/** The member set on an entity, or undefined when none is. */
export function entityTypeOf (entity: Entity | Record<string, unknown>): string | undefined {
  const e = entity as Record<string, unknown>
  if (typeof e.entity === 'string') return e.entity
  return ENTITY_TYPES.find((t) => e[t] !== undefined && e[t] !== null)
}
