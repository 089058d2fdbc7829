// The second step of a batch: references that form cycles or point inside their own type (a
// device's primary IPs, an interface's primary MAC, LAG and parent interfaces, region parents...)
// are written once every object of the batch exists. A primary IP must be an address on one of
// the device's interfaces; when it is not (yet), the wish is kept in deferred_reference and
// fulfilled by whichever later batch brings the address onto such an interface, so a device, its
// interfaces and its addresses converge in any order and across requests (Diode issue #545).
import type { Queryable } from '../store/index.ts'
import type { Author, RowUpdate, WrittenRows } from './batch-apply.ts'
import { updateRows } from './batch-apply.ts'
import { type ChangeRecorder, primaryEntity } from './change-set.ts'
import type { Node } from './flatten.ts'
import type { PlanObject } from './match.ts'
import { MODEL_BY_TYPE, type ModelSpec } from './models.ts'

const DEVICE = MODEL_BY_TYPE.get('device')!
const IP_FAMILY: Record<string, 4 | 6 | undefined> = { primary_ip4: 4, primary_ip6: 6 }

interface Pending { device: number, field: string, node: Node, entity: number }

export async function applyDeferred (
  tx: Queryable,
  objects: Map<string, PlanObject[]>,
  rec: ChangeRecorder,
  authorOf: (entity: number) => Author,
  written?: WrittenRows
): Promise<void> {
  const updates = new Map<ModelSpec, Map<number, RowUpdate>>()
  const change = (spec: ModelSpec, id: number, column: string, field: string, before: unknown, after: unknown, entity: number): void => {
    let m = updates.get(spec)
    if (!m) updates.set(spec, (m = new Map()))
    let u = m.get(id)
    if (!u) m.set(id, (u = { id, changes: [], author: authorOf(entity) }))
    u.changes = u.changes.filter((c) => c.column !== column)
    u.changes.push({ column, field, before, after, entity })
    rec.changed(entity, spec.objectType, id, field, before, after)
  }
  const stored = (obj: PlanObject, column: string): number | null => {
    const v = obj.created ? null : obj.row?.[column] ?? null
    return v === null ? null : Number(v)
  }

  const checks: Array<{ device: PlanObject, field: string, column: string, ip: number, entity: number }> = []
  const pending: Pending[] = []
  for (const [type, objs] of objects) {
    const spec = MODEL_BY_TYPE.get(type)!
    const deferred = spec.refs.filter((r) => r.deferred)
    if (deferred.length === 0) continue
    // Index loops: every object of the type is visited (interfaces have four deferred references),
    // and unoptimised for-of allocates an iterator result per step.
    for (let i = 0; i < objs.length; i++) {
      const obj = objs[i]
      if (obj.id === undefined || obj.lookupOnly) continue
      for (let j = 0; j < deferred.length; j++) {
        const r = deferred[j]
        const ref = obj.refs.get(r.field)
        if (!ref) continue
        const target = ref.value.obj?.id
        if (spec === DEVICE && r.lookupOnly) {
          if (target === undefined) pending.push({ device: obj.id, field: r.field, node: ref.value, entity: ref.entity })
          else checks.push({ device: obj, field: r.field, column: r.column, ip: target, entity: ref.entity })
          continue
        }
        if (target === undefined || target === stored(obj, r.column)) continue
        change(spec, obj.id, r.column, r.field, stored(obj, r.column), target, ref.entity)
      }
    }
  }

  const settled: Array<{ device: number, field: string }> = []
  if (checks.length > 0) {
    const r = await tx.query<{ id: string, device_id: string | null, family: number }>(
      `select ip.id::text, i.device_id::text, family(ip.address) as family
       from ip_address ip left join interface i on i.id = ip.interface_id where ip.id = any($1::int8[])`,
      [checks.map((c) => c.ip)])
    const byIp = new Map(r.rows.map((x) => [Number(x.id), x]))
    for (const c of checks) {
      const ip = byIp.get(c.ip)
      const family = IP_FAMILY[c.field]
      if (ip && family !== undefined && ip.family !== family) {
        rec.warn(c.entity, `${c.field} must be an IPv${family} address; not set`)
        continue
      }
      if (!ip || ip.device_id === null || Number(ip.device_id) !== c.device.id) {
        pending.push({ device: c.device.id!, field: c.field, node: c.device.refs.get(c.field)!.value, entity: c.entity })
        continue
      }
      settled.push({ device: c.device.id!, field: c.field })
      if (stored(c.device, c.column) !== c.ip) change(DEVICE, c.device.id!, c.column, c.field, stored(c.device, c.column), c.ip, c.entity)
    }
  }

  if (pending.length > 0) {
    for (const p of pending) {
      rec.warn(p.entity, `${p.field} ${String(p.node.data.get('address'))} is not an address on an interface of this device yet; it will be set when it is`)
    }
    await tx.query(
      `insert into deferred_reference (object_type, object_id, field, target_type, target, request_id)
       select 'dcim.device', d, f, 'ipam.ipaddress', jsonb_build_object('vrf_id', v, 'host', host(a::inet)), r
       from unnest($1::int8[], $2::text[], $3::int8[], $4::text[], $5::text[]) as p(d, f, v, a, r)
       on conflict (object_type, object_id, field) do update set target = excluded.target, request_id = excluded.request_id, created = now()`,
      [pending.map((p) => p.device), pending.map((p) => p.field),
        pending.map((p) => p.node.refs.get('vrf')?.obj?.id ?? null), pending.map((p) => String(p.node.data.get('address'))),
        pending.map((p) => authorOf(p.entity).requestId)])
  }
  if (settled.length > 0) {
    await tx.query(
      `delete from deferred_reference d using unnest($1::int8[], $2::text[]) as p(o, f)
       where d.object_type = 'dcim.device' and d.object_id = p.o and d.field = p.f`,
      [settled.map((s) => s.device), settled.map((s) => s.field)])
  }

  // Addresses written by this batch may fulfil what earlier requests asked for.
  const ips = (objects.get('ip_address') ?? []).filter((o) => o.id !== undefined && !o.lookupOnly)
  if (ips.length > 0) {
    const r = await tx.query<{ ref_id: string, device_id: string, field: string, ip_id: string, current: string | null }>(
      `select dr.id::text as ref_id, dr.object_id::text as device_id, dr.field, ip.id::text as ip_id,
         case dr.field when 'primary_ip4' then d.primary_ip4_id when 'primary_ip6' then d.primary_ip6_id else d.oob_ip_id end::text as current
       from ip_address ip
       join interface i on i.id = ip.interface_id
       join deferred_reference dr on dr.target_type = 'ipam.ipaddress' and dr.object_type = 'dcim.device'
         and dr.object_id = i.device_id and dr.target ->> 'host' = host(ip.address)
         and coalesce((dr.target ->> 'vrf_id')::int8, 0) = coalesce(ip.vrf_id, 0)
       join device d on d.id = dr.object_id
       where ip.id = any($1::int8[])`, [ips.map((o) => o.id)])
    if (r.rows.length > 0) {
      const ipEntity = new Map(ips.map((o) => [o.id!, primaryEntity(o)]))
      for (const row of r.rows) {
        const ip = Number(row.ip_id)
        const current = row.current === null ? null : Number(row.current)
        const entity = ipEntity.get(ip)!
        if (current !== ip) change(DEVICE, Number(row.device_id), `${row.field}_id`, row.field, current, ip, entity)
      }
      await tx.query('delete from deferred_reference where id = any($1::int8[])', [r.rows.map((x) => Number(x.ref_id))])
    }
  }

  // An address sits on one interface, so a device still naming it as primary while it now belongs
  // to another device is stale: release it first (an address is primary of one device at most).
  const claimed = [...(updates.get(DEVICE)?.values() ?? [])].flatMap((u) => u.changes
    .filter((c) => c.after !== null && (c.column === 'primary_ip4_id' || c.column === 'primary_ip6_id' || c.column === 'oob_ip_id'))
    .map((c) => ({ device: u.id, column: c.column, field: c.field, ip: c.after as number, entity: c.entity })))
  if (claimed.length > 0) {
    const r = await tx.query<{ id: string, column: string, ip: string }>(
      `select d.id::text, p.c as column, p.ip::text from unnest($1::text[], $2::int8[], $3::int8[]) as p(c, ip, dev)
       join device d on d.id <> p.dev and ((p.c = 'primary_ip4_id' and d.primary_ip4_id = p.ip)
         or (p.c = 'primary_ip6_id' and d.primary_ip6_id = p.ip) or (p.c = 'oob_ip_id' and d.oob_ip_id = p.ip))`,
      [claimed.map((c) => c.column), claimed.map((c) => c.ip), claimed.map((c) => c.device)])
    if (r.rows.length > 0) {
      const release = new Map<number, RowUpdate>()
      for (const row of r.rows) {
        const c = claimed.find((x) => x.column === row.column && x.ip === Number(row.ip))!
        const id = Number(row.id)
        let u = release.get(id)
        if (!u) release.set(id, (u = { id, changes: [], author: authorOf(c.entity) }))
        u.changes.push({ column: c.column, field: c.field, before: c.ip, after: null, entity: c.entity })
        rec.changed(c.entity, DEVICE.objectType, id, c.field, c.ip, null)
      }
      await updateRows(tx, DEVICE, [...release.values()], written)
    }
  }

  for (const [spec, m] of updates) await updateRows(tx, spec, [...m.values()], written)
}
