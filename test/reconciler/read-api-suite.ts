// The read API behaviours, run against PostgreSQL (read-api-postgres.test.ts) and PGlite
// (read-api-pglite.test.ts): the same schema and SQL must answer the same on both.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Db } from '../../store/index.ts'
import { migrate } from '../../store/index.ts'
import { SEED_SQL, startApi } from './read-api-fixtures.ts'
import type { ApiServer } from './read-api-fixtures.ts'

/**
 * `sqlOnly` runs just the tests whose outcome depends on the database's SQL (every endpoint's
 * query, filters, ingestion logs): the rendering above it is the same code on both.
 */
export function readApiSuite (label: string, open: () => Promise<{ db: Db, cleanup: () => Promise<void> }>, options: { sqlOnly?: boolean } = {}): void {
  const renderTest = (name: string, fn: () => Promise<void>): void => {
    if (options.sqlOnly !== true) test(name, fn)
  }
  let db: Db
  let cleanup: () => Promise<void>
  let api: ApiServer
  const ids: Record<string, number> = {}

  before(async () => {
    ({ db, cleanup } = await open())
    await migrate(db)
    await db.exec(SEED_SQL)
    api = await startApi(db)
    const q = async (name: string, sql: string): Promise<void> => {
      ids[name] = Number((await db.query<{ id: number }>(sql)).rows[0].id)
    }
    await q('sw1dc1', "select id from device where serial = 'FOC123'")
    await q('sw1dc2', "select id from device where serial = 'FOC456'")
    await q('unnamed', 'select id from device where name is null')
    await q('gi2', "select id from interface where name = 'Gi1/0/2'")
    await q('gi3', "select id from interface where name = 'Gi1/0/3'")
    await q('po1', "select id from interface where name = 'Po1'")
    await q('vlan10', "select id from interface where name = 'Vlan10'")
    await q('dc1', "select id from site where slug = 'dc1'")
  })

  after(async () => {
    await api?.close()
    await db?.close()
    await cleanup?.()
  })

  test(`read-api (${label}) - every endpoint answers its list and the detail of its first object`, async () => {
    const root = (await api.get('/api/')).body
    const endpoints: string[] = []
    for (const app of Object.keys(root).filter((k) => k !== 'ingestion-logs')) {
      endpoints.push(...Object.values((await api.get(`/api/${app}/`)).body as Record<string, string>))
    }
    assert.ok(endpoints.length >= 27, `only ${endpoints.length} endpoints`)
    for (const url of endpoints) {
      const path = new URL(url).pathname
      const list = await api.get(path)
      assert.equal(list.status, 200, `${path}: ${JSON.stringify(list.body)}`)
      assert.equal(typeof list.body.count, 'number', path)
      if (list.body.count === 0) continue
      const first = list.body.results[0]
      const detail = await api.get(new URL(first.url).pathname)
      assert.equal(detail.status, 200, first.url)
      assert.deepEqual(detail.body, first, `${path}: detail equals the list entry`)
    }
  })

  test(`read-api (${label}) - device list has NetBox's envelope, brief references and choice objects`, async () => {
    const { status, body } = await api.get('/api/dcim/devices/?site=dc1')
    assert.equal(status, 200)
    assert.deepEqual(Object.keys(body), ['count', 'next', 'previous', 'results'])
    assert.equal(body.count, 1)
    assert.equal(body.next, null)
    assert.equal(body.previous, null)
    const d = body.results[0]
    assert.equal(d.id, ids.sw1dc1)
    assert.equal(d.url, `${api.base}/api/dcim/devices/${ids.sw1dc1}/`)
    assert.equal(d.display, 'sw1')
    assert.deepEqual(d.status, { value: 'active', label: 'Active' })
    assert.deepEqual(d.site, { id: ids.dc1, url: `${api.base}/api/dcim/sites/${ids.dc1}/`, display: 'DC One', name: 'DC One', slug: 'dc1', description: '' })
    assert.equal(d.device_type.model, 'C9300-48P')
    assert.equal(d.device_type.display, 'C9300-48P')
    assert.equal(d.device_type.manufacturer.slug, 'cisco')
    assert.equal(d.role.slug, 'access-switch')
    assert.equal(d.platform.name, 'IOS XE')
    assert.equal(d.tenant.slug, 'acme')
    assert.equal(d.serial, 'FOC123')
    assert.equal(d.primary_ip4.address, '10.0.0.1/24')
    assert.deepEqual(d.primary_ip4.family, { value: 4, label: 'IPv4' })
    assert.equal(d.primary_ip6, null)
    assert.deepEqual(d.tags.map((t: { slug: string }) => t.slug).sort(), ['core', 'discovered'])
    assert.deepEqual(Object.keys(d.tags[0]).sort(), ['color', 'display', 'id', 'name', 'slug', 'url'])
    assert.deepEqual(d.custom_fields, {})
    assert.equal(d.interface_count, 6)
  })

  renderTest(`read-api (${label}) - display follows NetBox: unnamed devices, VLANs, VRFs, cables`, async () => {
    const unnamed = await api.get(`/api/dcim/devices/${ids.unnamed}/`)
    assert.equal(unnamed.body.display, `Cisco C9300-48P (${ids.unnamed})`)
    assert.equal(unnamed.body.name, null)
    const vlans = await api.get('/api/ipam/vlans/?vid=10')
    assert.equal(vlans.body.results[0].display, 'users (10)')
    const vrfs = await api.get('/api/ipam/vrfs/')
    assert.equal(vrfs.body.results[0].display, 'Blue (65000:1)')
    const cables = await api.get('/api/dcim/cables/')
    assert.match(cables.body.results[0].display, /^#\d+$/)
    assert.equal(cables.body.results[0].a_terminations[0].object.device.id, ids.sw1dc1)
    assert.equal(cables.body.results[0].b_terminations[0].object.device.id, ids.sw1dc2)
  })

  renderTest(`read-api (${label}) - interfaces carry VLANs, LAG, mode, type label and MAC`, async () => {
    const gi2 = (await api.get(`/api/dcim/interfaces/${ids.gi2}/`)).body
    assert.deepEqual(gi2.mode, { value: 'tagged', label: 'Tagged' })
    assert.deepEqual(gi2.type, { value: '1000base-t', label: '1000BASE-T (1GE)' })
    assert.equal(gi2.untagged_vlan.vid, 10)
    assert.deepEqual(gi2.tagged_vlans.map((v: { vid: number }) => v.vid), [20, 30])
    assert.deepEqual(Object.keys(gi2.tagged_vlans[0]).sort(), ['description', 'display', 'id', 'name', 'url', 'vid'])
    assert.equal(gi2.device.display, 'sw1')
    const gi3 = (await api.get(`/api/dcim/interfaces/${ids.gi3}/`)).body
    assert.equal(gi3.lag.id, ids.po1)
    assert.equal(gi3.lag.device.id, ids.sw1dc1)
    assert.equal(gi3.parent, null)
    const gi1 = (await api.get('/api/dcim/interfaces/?device=sw1&name=Gi1/0/1&site=dc1')).body.results[0]
    assert.equal(gi1.mac_address, 'AA:BB:CC:00:00:01')
    // Natural order, as NetBox lists interfaces: Gi1/0/2 before Gi1/0/10.
    const names = (await api.get(`/api/dcim/interfaces/?device_id=${ids.sw1dc1}`)).body.results.map((i: { name: string }) => i.name)
    assert.deepEqual(names, ['Gi1/0/1', 'Gi1/0/2', 'Gi1/0/3', 'Gi1/0/10', 'Po1', 'Vlan10'])
    assert.equal(gi1._occupied, true)
    assert.equal(gi1.cable_end, 'A')
    assert.deepEqual(gi1.mode, { value: 'access', label: 'Access' })
  })

  renderTest(`read-api (${label}) - IP addresses name their interface and its device`, async () => {
    const { body } = await api.get('/api/ipam/ip-addresses/?address=10.0.0.1')
    assert.equal(body.count, 1)
    const ip = body.results[0]
    assert.equal(ip.address, '10.0.0.1/24')
    assert.equal(ip.display, '10.0.0.1/24')
    assert.equal(ip.assigned_object_type, 'dcim.interface')
    assert.equal(ip.assigned_object_id, ids.vlan10)
    assert.equal(ip.assigned_object.id, ids.vlan10)
    assert.equal(ip.assigned_object.name, 'Vlan10')
    assert.equal(ip.assigned_object.device.id, ids.sw1dc1)
    assert.deepEqual(ip.status, { value: 'active', label: 'Active' })
    const host = await api.get('/api/ipam/ip-addresses/?address=10.0.0.2')
    assert.equal(host.body.results[0].address, '10.0.0.2/32', 'a /32 keeps its mask')
    assert.equal(host.body.results[0].assigned_object, null)
  })

  test(`read-api (${label}) - filters: id, name, q, site, device, address, prefix, vid, vrf, tag`, async () => {
    const count = async (path: string): Promise<number> => {
      const r = await api.get(path)
      assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`)
      return r.body.count
    }
    assert.equal(await count(`/api/dcim/devices/?id=${ids.sw1dc1}&id=${ids.sw1dc2}`), 2)
    assert.equal(await count('/api/dcim/devices/?name=sw1'), 2)
    assert.equal(await count('/api/dcim/devices/?q=foc4'), 1)
    assert.equal(await count('/api/dcim/devices/?site=DC Two'), 2)
    assert.equal(await count(`/api/dcim/devices/?site_id=${ids.dc1}`), 1)
    assert.equal(await count('/api/dcim/devices/?site=nowhere'), 0)
    assert.equal(await count('/api/dcim/devices/?tag=discovered&tag=core'), 1)
    assert.equal(await count('/api/dcim/devices/?tag=Discovered&site=dc2'), 0)
    assert.equal(await count('/api/dcim/devices/?status=offline'), 1)
    assert.equal(await count('/api/dcim/devices/?role=access-switch&manufacturer=cisco'), 3)
    assert.equal(await count('/api/dcim/interfaces/?device=sw1'), 7)
    assert.equal(await count(`/api/dcim/interfaces/?device_id=${ids.sw1dc1}`), 6)
    assert.equal(await count('/api/dcim/interfaces/?device=sw1&site=dc2'), 1)
    assert.equal(await count('/api/dcim/interfaces/?q=aa:bb:cc'), 1)
    assert.equal(await count('/api/dcim/interfaces/?device=ghost'), 0)
    assert.equal(await count('/api/ipam/ip-addresses/?device=sw1'), 2)
    assert.equal(await count(`/api/ipam/ip-addresses/?device_id=${ids.sw1dc2}`), 0)
    assert.equal(await count('/api/ipam/ip-addresses/?address=10.0.0.1/24'), 1)
    assert.equal(await count('/api/ipam/ip-addresses/?address=10.0.0.1/25'), 0)
    // Compared as addresses, not strings.
    assert.equal(await count('/api/ipam/ip-addresses/?address=2001:0db8:0:0::1/64'), 1)
    assert.equal(await count('/api/ipam/ip-addresses/?vrf=65000:1'), 1)
    assert.equal(await count('/api/ipam/ip-addresses/?vrf=Blue'), 1)
    assert.equal(await count('/api/ipam/ip-addresses/?vrf_id=null'), 2)
    assert.equal(await count('/api/ipam/ip-addresses/?parent=10.0.0.0/24'), 2)
    assert.equal(await count('/api/ipam/ip-addresses/?q=10.0.0'), 2)
    assert.equal(await count('/api/ipam/prefixes/?prefix=10.0.0.0/24'), 1)
    assert.equal(await count('/api/ipam/prefixes/?prefix=10.9.0.0/24'), 0)
    assert.equal(await count('/api/ipam/prefixes/?within=10.0.0.0/8'), 2)
    assert.equal(await count('/api/ipam/prefixes/?contains=10.0.0.77'), 2)
    assert.equal(await count('/api/ipam/prefixes/?site=dc1'), 1)
    assert.equal(await count('/api/ipam/prefixes/?vrf=65000:1&family=6'), 1)
    assert.equal(await count('/api/ipam/vlans/?vid=20'), 1)
    assert.equal(await count('/api/ipam/vlans/?vid=20&vid=30'), 2)
    assert.equal(await count('/api/ipam/vlans/?site=dc1'), 2)
    assert.equal(await count('/api/ipam/vlans/?group=campus'), 1)
    assert.equal(await count('/api/ipam/vlans/?vid=999'), 0)
    assert.equal(await count('/api/ipam/vlan-groups/?site=dc1'), 1)
    assert.equal(await count('/api/dcim/sites/?name=DC One'), 1)
    assert.equal(await count('/api/dcim/sites/?region=europe'), 1)
    assert.equal(await count('/api/dcim/locations/?site=dc1'), 1)
    assert.equal(await count('/api/dcim/inventory-items/?device=sw1&q=psu'), 1)
    assert.equal(await count('/api/dcim/cables/?device=sw1'), 1)
    assert.equal(await count('/api/dcim/platforms/?manufacturer=cisco'), 1)
    assert.equal(await count('/api/dcim/device-types/?manufacturer=juniper'), 0)
    assert.equal(await count('/api/tenancy/tenants/?q=acm'), 1)
    assert.equal(await count('/api/extras/tags/?slug=core'), 1)
    assert.equal(await count('/api/dcim/regions/?name=Europe'), 1)
    assert.equal(await count('/api/dcim/device-roles/?slug=access-switch'), 1)
    // NetBox lookup suffixes on text and integer filters.
    assert.equal(await count('/api/dcim/manufacturers/?name__isw=maker 5'), 6)
    assert.equal(await count('/api/dcim/manufacturers/?name__ic=ISC'), 1)
    assert.equal(await count('/api/dcim/manufacturers/?q=maker&name__n=Maker 01&name__n=Maker 02'), 53)
    assert.equal(await count('/api/ipam/vlans/?vid__gte=20&vid__lt=30'), 1)
    assert.equal(await count(`/api/dcim/devices/?id__n=${ids.unnamed}`), 2)
    assert.equal(await count('/api/dcim/devices/?serial__ie=foc123'), 1)
    // Custom fields, NetBox's ?cf_<name>=.
    assert.equal(await count('/api/dcim/sites/?cf_dc_code=AMS1'), 1)
    assert.equal(await count('/api/dcim/sites/?cf_dc_code=FRA9'), 0)
    // Unknown parameters are ignored, as NetBox does.
    assert.equal(await count('/api/dcim/devices/?colour=blue'), 3)
  })

  renderTest(`read-api (${label}) - unreadable filter values are a 400 naming the parameter`, async () => {
    for (const [path, param] of [
      ['/api/dcim/devices/?id=abc', 'id'],
      ['/api/ipam/ip-addresses/?address=10.0.0.999', 'address'],
      ['/api/ipam/prefixes/?prefix=10.0.0.0/40', 'prefix'],
      ['/api/ipam/vlans/?vid=ten', 'vid'],
      ['/api/dcim/devices/?ordering=colour', 'ordering']
    ]) {
      const r = await api.get(path)
      assert.equal(r.status, 400, path)
      assert.match(r.body.detail, new RegExp(`^${param}: `), path)
    }
  })

  renderTest(`read-api (${label}) - limit/offset pagination with next and previous links`, async () => {
    const first = await api.get('/api/dcim/manufacturers/?q=maker')
    assert.equal(first.body.count, 55)
    assert.equal(first.body.results.length, 50)
    assert.equal(first.body.previous, null)
    const next = new URL(first.body.next)
    assert.equal(next.searchParams.get('limit'), '50')
    assert.equal(next.searchParams.get('offset'), '50')
    assert.equal(next.searchParams.get('q'), 'maker', 'filters carry over to the next page')
    const second = await api.get(next.pathname + next.search)
    assert.equal(second.body.results.length, 5)
    assert.equal(second.body.next, null)
    const prev = new URL(second.body.previous)
    assert.equal(prev.searchParams.get('offset'), null)
    assert.equal(prev.searchParams.get('limit'), '50')
    const names = [...first.body.results, ...second.body.results].map((m: { name: string }) => m.name)
    assert.equal(new Set(names).size, 55, 'pages do not overlap')
    const middle = await api.get('/api/dcim/manufacturers/?q=maker&limit=10&offset=20')
    assert.equal(middle.body.results[0].name, 'Maker 21')
    assert.equal(new URL(middle.body.previous).searchParams.get('offset'), '10')
    assert.equal(new URL(middle.body.next).searchParams.get('offset'), '30')
    const capped = await api.get('/api/dcim/manufacturers/?limit=5000')
    assert.equal(capped.body.results.length, 57)
    const desc = await api.get('/api/dcim/manufacturers/?q=maker&ordering=-name&limit=1')
    assert.equal(desc.body.results[0].name, 'Maker 55')
    for (const bad of ['limit=abc', 'limit=-1', 'offset=x']) {
      const r = await api.get(`/api/dcim/manufacturers/?${bad}`)
      assert.equal(r.status, 400, bad)
      assert.match(r.body.detail, new RegExp(`^${bad.split('=')[0]}: `))
    }
  })

  renderTest(`read-api (${label}) - url, next and previous use publicUrl when given; HEAD has no body`, async () => {
    const behindProxy = await startApi(db, { publicUrl: 'https://tributary.example.com/nb/' })
    try {
      const { body } = await behindProxy.get('/api/dcim/manufacturers/?limit=1&offset=1')
      assert.match(body.results[0].url, /^https:\/\/tributary\.example\.com\/nb\/api\/dcim\/manufacturers\/\d+\/$/)
      assert.equal(body.next, 'https://tributary.example.com/nb/api/dcim/manufacturers/?limit=1&offset=2')
      assert.equal(body.previous, 'https://tributary.example.com/nb/api/dcim/manufacturers/?limit=1')
    } finally {
      await behindProxy.close()
    }
    const head = await fetch(`${api.base}/api/dcim/sites/`, { method: 'HEAD', headers: { authorization: 'Bearer good' } })
    assert.equal(head.status, 200)
    assert.equal(head.headers.get('content-type'), 'application/json')
    assert.equal(head.headers.get('api-version'), '4.2')
    assert.equal(await head.text(), '')
  })

  renderTest(`read-api (${label}) - /api/ and /api/<app>/ list what they hold`, async () => {
    const root = await api.get('/api/')
    assert.equal(root.body.dcim, `${api.base}/api/dcim/`)
    assert.equal(root.body['ingestion-logs'], `${api.base}/api/ingestion-logs/`)
    const ipam = await api.get('/api/ipam/')
    assert.equal(ipam.body['ip-addresses'], `${api.base}/api/ipam/ip-addresses/`)
    assert.equal(ipam.body.vlans, `${api.base}/api/ipam/vlans/`)
    assert.equal((await api.get('/api/', null)).status, 401)
  })

  renderTest(`read-api (${label}) - brief=true returns the nested form`, async () => {
    const { body } = await api.get('/api/dcim/sites/?brief=true&slug=dc1')
    assert.deepEqual(Object.keys(body.results[0]).sort(), ['description', 'display', 'id', 'name', 'slug', 'url'])
  })

  renderTest(`read-api (${label}) - 401 without a token, 403 without diode:read, 404 and 405 as NetBox`, async () => {
    const none = await api.get('/api/dcim/devices/', null)
    assert.equal(none.status, 401)
    assert.equal(typeof none.body.detail, 'string')
    assert.equal(none.headers.get('www-authenticate'), 'Bearer')
    const bad = await api.get('/api/dcim/devices/', 'forged')
    assert.equal(bad.status, 401)
    const ingestOnly = await api.get('/api/ipam/prefixes/', 'ingest')
    assert.equal(ingestOnly.status, 403)
    assert.match(ingestOnly.body.detail, /diode:read/)
    const logs = await api.get('/api/ingestion-logs/', 'ingest')
    assert.equal(logs.status, 403)
    const missing = await api.get('/api/dcim/devices/999999/')
    assert.equal(missing.status, 404)
    assert.deepEqual(missing.body, { detail: 'No object matches the given query.' })
    // Authorization comes before existence: a stranger learns nothing.
    assert.equal((await api.get('/api/dcim/devices/999999/', null)).status, 401)
    const post = await fetch(`${api.base}/api/dcim/devices/`, { method: 'POST', headers: { authorization: 'Bearer good' } })
    assert.equal(post.status, 405)
    assert.deepEqual(await post.json(), { detail: 'Method "POST" not allowed.' })
    // Paths the API does not own are left to the next handler.
    assert.equal((await api.get('/api/dcim/racks/')).status, 418)
    assert.equal((await api.get('/diode/auth/token')).status, 418)
  })

  renderTest(`read-api (${label}) - the change log at /api/core/object-changes/, newest first`, async () => {
    const { body } = await api.get('/api/core/object-changes/')
    assert.equal(body.count, 3)
    const [latest, compact, first] = body.results
    assert.deepEqual(latest.action, { value: 'update', label: 'Updated' })
    assert.equal(latest.display, 'dcim.device sw1 updated by agent')
    assert.equal(latest.changed_object_type, 'dcim.device')
    assert.equal(latest.changed_object.id, ids.sw1dc1)
    assert.deepEqual(latest.prechange_data, { serial: '' })
    assert.equal(first.request_id, 'req-1')
    assert.deepEqual(first.postchange_data, { name: 'sw1', serial: 'FOC123', status: 'active' })
    // A compact create record reads as the whole object: its base's data under its own.
    assert.deepEqual(compact.postchange_data, { name: 'sw1', serial: 'FOC456', status: 'offline' })
    assert.equal(compact.changed_object.id, ids.sw1dc2)
    assert.deepEqual((await api.get(`/api/core/object-changes/${compact.id}/`)).body.postchange_data, compact.postchange_data)
    const filtered = await api.get(`/api/core/object-changes/?request_id=req-1&changed_object_id=${ids.sw1dc1}`)
    assert.equal(filtered.body.count, 1)
    assert.equal((await api.get('/api/core/object-changes/?time_after=2026-01-02T00:00:00Z')).body.count, 1)
  })

  test(`read-api (${label}) - ingestion logs filter by request, state, type, producer and time, with counts`, async () => {
    const all = await api.get('/api/ingestion-logs/')
    assert.equal(all.status, 200)
    assert.deepEqual(Object.keys(all.body), ['count', 'next', 'previous', 'counts', 'results'])
    assert.equal(all.body.count, 5)
    assert.deepEqual(all.body.counts, { queued: 1, applied: 2, no_changes: 1, failed: 1, open: 0 })
    assert.equal(all.body.results[0].id, '00000000-0000-4000-8000-000000000005', 'newest first')
    const failed = await api.get('/api/ingestion-logs/?state=failed')
    assert.equal(failed.body.count, 1)
    assert.deepEqual(failed.body.counts, all.body.counts, 'counts ignore the state filter')
    assert.equal(failed.body.results[0].error.field, 'address')
    assert.equal(failed.body.results[0].entity_index, 1)
    const req1 = await api.get('/api/ingestion-logs/?request_id=req-1')
    assert.equal(req1.body.count, 2)
    assert.deepEqual(req1.body.counts, { queued: 0, applied: 1, no_changes: 0, failed: 1, open: 0 })
    assert.equal(req1.body.results[1].object.url, `${api.base}/api/dcim/devices/${ids.sw1dc1}/`)
    assert.equal(req1.body.results[1].ingestion_ts, '2026-01-01T10:00:00.000001Z')
    assert.equal((await api.get('/api/ingestion-logs/?object_type=dcim.site')).body.count, 2)
    assert.equal((await api.get('/api/ingestion-logs/?producer=other-script&state=APPLIED')).body.count, 1)
    assert.equal((await api.get('/api/ingestion-logs/?since=2026-01-02T00:00:00Z')).body.count, 3)
    assert.equal((await api.get('/api/ingestion-logs/?since=2026-01-02T00:00:00Z&until=2026-01-03T10:00:00Z')).body.count, 2)
    assert.equal((await api.get('/api/ingestion-logs/?state=IGNORED')).body.count, 0)
    const paged = await api.get('/api/ingestion-logs/?limit=2&offset=2')
    assert.equal(paged.body.results.length, 2)
    assert.ok(paged.body.next && paged.body.previous)
    const bad = await api.get('/api/ingestion-logs/?since=yesterday')
    assert.equal(bad.status, 400)
    assert.match(bad.body.detail, /^since: /)
    const one = await api.get('/api/ingestion-logs/00000000-0000-4000-8000-000000000003/')
    assert.equal(one.body.state, 'NO_CHANGES')
    assert.deepEqual(one.body.entity, { device: { name: 'sw1', status: 'active' }, timestamp: { seconds: 1767348000, nanos: 500 } })
    assert.equal((await api.get('/api/ingestion-logs/00000000-0000-4000-8000-0000000000ff/')).status, 404)
    assert.equal((await api.get('/api/ingestion-logs/not-a-uuid/')).status, 404)
  })
}
