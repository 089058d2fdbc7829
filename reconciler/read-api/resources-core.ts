// The change log at NetBox 4's path, /api/core/object-changes/.
import { intFilter, parseTime, searchFilter, textFilter } from './filters.ts'
import type { Filter } from './filters.ts'
import { choice } from './choices.ts'
import { col } from './resource.ts'
import type { Resource } from './resource.ts'

function timeFilter (expr: string, op: '>=' | '<='): Filter {
  return (values, params, name) => values.map((v) => `${expr} ${op} ${params.add(parseTime(name, v).toISOString())}::timestamptz`).join(' and ')
}

export const objectChange: Resource = {
  type: 'core.objectchange',
  path: 'core/object-changes',
  // The view puts compact create records back together (migration 0011).
  table: 'object_change_entry',
  // ObjectChange.__str__ in NetBox: "<type> <object> <action> by <user>".
  display: (row) => {
    const action = choice('ObjectChange.action', row.action)?.label.toLowerCase() ?? String(row.action)
    const by = row.user_name ? ` by ${String(row.user_name)}` : ''
    return `${String(row.object_type)} ${String(row.object_repr)} ${action}${by}`
  },
  brief: { action: (row) => choice('ObjectChange.action', row.action), changed_object_type: col('object_type'), changed_object_id: col('object_id') },
  fields: {
    time: col('time'),
    user: () => null,
    user_name: col('user_name'),
    request_id: col('request_id'),
    action: (row) => choice('ObjectChange.action', row.action),
    changed_object_type: col('object_type'),
    changed_object_id: col('object_id'),
    // The object as it is now, when it still exists and the API serves its type.
    changed_object: async (row, ctx) => ctx.url(String(row.object_type), row.object_id) === null ? null : ctx.brief(String(row.object_type), row.object_id),
    object_repr: col('object_repr'),
    prechange_data: col('prechange_data'),
    postchange_data: col('postchange_data')
  },
  filters: {
    id: intFilter('t.id'),
    q: searchFilter(['t.object_repr', 't.user_name']),
    action: textFilter('t.action'),
    request_id: textFilter('t.request_id'),
    user_name: textFilter('t.user_name'),
    changed_object_type: textFilter('t.object_type'),
    changed_object_id: intFilter('t.object_id'),
    object_repr: textFilter('t.object_repr'),
    time_after: timeFilter('t.time', '>='),
    time_before: timeFilter('t.time', '<=')
  },
  ordering: { time: 't.time', id: 't.id', action: 't.action', user_name: 't.user_name' },
  defaultOrder: 't.time desc, t.id desc'
}

export const CORE_RESOURCES = [objectChange]
