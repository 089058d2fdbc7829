// Seed data and a server for the read API tests: a small but complete source of truth written
// with SQL (the reconciler is not involved), and an HTTP server on port 0 around the handler.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Queue } from '../../queue/index.ts'
import type { Db } from '../../store/index.ts'
import { silentLogger } from '../../config/logger.ts'
import { createReadApi } from '../../reconciler/read-api/index.ts'

export const SEED_SQL = `
insert into tenant (name, slug) values ('Acme', 'acme');
insert into region (name, slug) values ('Europe', 'europe');
insert into site (name, slug, region_id, tenant_id, facility) values
  ('DC One', 'dc1', (select id from region where slug = 'europe'), (select id from tenant where slug = 'acme'), 'Building 7'),
  ('DC Two', 'dc2', null, null, '');
update site set status = 'planned' where slug = 'dc2';
update site set custom_fields = '{"dc_code": "AMS1"}' where slug = 'dc1';
insert into location (name, slug, site_id) values ('Hall A', 'hall-a', (select id from site where slug = 'dc1'));
insert into manufacturer (name, slug) values ('Cisco', 'cisco'), ('Juniper', 'juniper');
insert into platform (name, slug, manufacturer_id) values ('IOS XE', 'ios-xe', (select id from manufacturer where slug = 'cisco'));
insert into device_type (manufacturer_id, model, slug) values ((select id from manufacturer where slug = 'cisco'), 'C9300-48P', 'c9300-48p');
insert into device_role (name, slug, color) values ('Access Switch', 'access-switch', '2196f3');
insert into tag (name, slug, color) values ('Discovered', 'discovered', '00ff00'), ('Core', 'core', 'ff0000');
insert into vrf (name, rd) values ('Blue', '65000:1');
insert into route_target (name) values ('65000:100');
insert into vrf_import_target (vrf_id, route_target_id) values ((select id from vrf where name = 'Blue'), (select id from route_target where name = '65000:100'));
insert into vlan_group (name, slug, scope_type, scope_id) values ('Campus', 'campus', 'dcim.site', (select id from site where slug = 'dc1'));
insert into vlan (vid, name, group_id, site_id) values (10, 'users', (select id from vlan_group where slug = 'campus'), (select id from site where slug = 'dc1'));
insert into vlan (vid, name, site_id) values (20, 'voice', (select id from site where slug = 'dc1'));
insert into vlan (vid, name) values (30, 'mgmt');
insert into device (name, device_type_id, role_id, platform_id, tenant_id, site_id, serial, location_id)
  select 'sw1', dt.id, r.id, p.id, t.id, s.id, 'FOC123', (select id from location where slug = 'hall-a')
  from device_type dt, device_role r, platform p, tenant t, site s where s.slug = 'dc1';
insert into device (name, device_type_id, role_id, site_id, serial, status)
  select 'sw1', dt.id, r.id, s.id, 'FOC456', 'offline' from device_type dt, device_role r, site s where s.slug = 'dc2';
insert into device (name, device_type_id, role_id, site_id)
  select null, dt.id, r.id, s.id from device_type dt, device_role r, site s where s.slug = 'dc2';
insert into tagged_item (object_type, object_id, tag_id)
  select 'dcim.device', d.id, g.id from device d, tag g where d.serial = 'FOC123';
insert into interface (device_id, name, type, mode, untagged_vlan_id, mac_address)
  select d.id, 'Gi1/0/1', '1000base-t', 'access', (select id from vlan where vid = 10), 'aa:bb:cc:00:00:01' from device d where d.serial = 'FOC123';
insert into interface (device_id, name, type, mode, untagged_vlan_id)
  select d.id, 'Gi1/0/2', '1000base-t', 'tagged', (select id from vlan where vid = 10) from device d where d.serial = 'FOC123';
insert into interface (device_id, name, type) select d.id, 'Po1', 'lag' from device d where d.serial = 'FOC123';
insert into interface (device_id, name, type, lag_id)
  select d.id, 'Gi1/0/3', '1000base-t', (select id from interface where name = 'Po1') from device d where d.serial = 'FOC123';
insert into interface (device_id, name, type) select d.id, 'Vlan10', 'virtual' from device d where d.serial = 'FOC123';
insert into interface (device_id, name, type) select d.id, 'Gi1/0/10', '1000base-t' from device d where d.serial = 'FOC123';
insert into interface (device_id, name, type) select d.id, 'Gi1/0/1', '1000base-t' from device d where d.serial = 'FOC456';
insert into interface_tagged_vlan (interface_id, vlan_id)
  select i.id, v.id from interface i join device d on d.id = i.device_id, vlan v where d.serial = 'FOC123' and i.name = 'Gi1/0/2' and v.vid in (20, 30);
insert into ip_address (address, interface_id, dns_name)
  select '10.0.0.1/24', i.id, 'sw1.example.net' from interface i join device d on d.id = i.device_id where d.serial = 'FOC123' and i.name = 'Vlan10';
insert into ip_address (address, interface_id, vrf_id)
  select '2001:db8::1/64', i.id, (select id from vrf where name = 'Blue') from interface i join device d on d.id = i.device_id where d.serial = 'FOC123' and i.name = 'Gi1/0/1';
insert into ip_address (address, status) values ('10.0.0.2/32', 'reserved');
update device set primary_ip4_id = (select id from ip_address where host(address) = '10.0.0.1') where serial = 'FOC123';
insert into prefix (prefix, site_id, scope_type, scope_id, vlan_id)
  select '10.0.0.0/24', s.id, 'dcim.site', s.id, (select id from vlan where vid = 10) from site s where s.slug = 'dc1';
insert into prefix (prefix, vrf_id) values ('2001:db8::/64', (select id from vrf where name = 'Blue'));
insert into prefix (prefix, status) values ('10.0.0.0/16', 'container');
insert into inventory_item (device_id, name, serial, discovered)
  select d.id, 'PSU1', 'PSU-1', true from device d where d.serial = 'FOC123';
insert into cable (label, type) values ('', 'cat6');
insert into cable_termination (cable_id, cable_end, termination_type, termination_id)
  select (select max(id) from cable), 'A', 'dcim.interface', i.id from interface i join device d on d.id = i.device_id where d.serial = 'FOC123' and i.name = 'Gi1/0/1';
insert into cable_termination (cable_id, cable_end, termination_type, termination_id)
  select (select max(id) from cable), 'B', 'dcim.interface', i.id from interface i join device d on d.id = i.device_id where d.serial = 'FOC456' and i.name = 'Gi1/0/1';
insert into object_change (time, user_name, request_id, action, object_type, object_id, object_repr, postchange_data)
  select '2026-01-01T10:00:00Z', 'agent', 'req-1', 'create', 'dcim.device', d.id, 'sw1', '{"name": "sw1", "serial": "FOC123", "status": "active"}' from device d where d.serial = 'FOC123';
-- Created by the same statement, so stored compactly: what differs from the record above (migration 0011).
insert into object_change (time, user_name, request_id, action, object_type, object_id, object_repr, postchange_data, postchange_base)
  select '2026-01-01T10:00:00Z', 'agent', 'req-1', 'create', 'dcim.device', d.id, 'sw1', '{"serial": "FOC456", "status": "offline"}',
    (select max(id) from object_change) from device d where d.serial = 'FOC456';
insert into object_change (time, user_name, request_id, action, object_type, object_id, object_repr, prechange_data, postchange_data)
  select '2026-01-02T10:00:00Z', 'agent', 'req-2', 'update', 'dcim.device', d.id, 'sw1', '{"serial": ""}', '{"serial": "FOC123"}' from device d where d.serial = 'FOC123';
-- 55 more manufacturers: more than one default page.
insert into manufacturer (name, slug) select 'Maker ' || lpad(n::text, 2, '0'), 'maker-' || n from generate_series(1, 55) n;
-- Ingestion logs: two requests, two producers, every state.
insert into ingestion_log (id, request_id, entity_index, producer_app_name, producer_app_version, sdk_name, sdk_version, object_type, object_id, state, change_set, error, entity, ingestion_ts) values
  ('00000000-0000-4000-8000-000000000001', 'req-1', 0, 'tributary-agent', '1.0.0', 'tributary-sdk', '0.1.0', 'dcim.device', (select id from device where serial = 'FOC123'), 'APPLIED',
    '{"changes": [{"change_type": "create", "object_type": "dcim.device", "after": {"name": "sw1"}}]}', null,
    '{"device": {"name": "sw1", "site": {"name": "DC One"}}, "timestamp": "2026-01-01T10:00:00Z"}', '2026-01-01T10:00:00.000001Z'),
  ('00000000-0000-4000-8000-000000000002', 'req-1', 1, 'tributary-agent', '1.0.0', 'tributary-sdk', '0.1.0', 'ipam.ipaddress', null, 'FAILED', null,
    '{"message": "address: not an IP address", "code": "ERR_INVALID_VALUE", "entity_index": 1, "field": "address"}',
    '{"ip_address": {"address": "nope"}}', '2026-01-01T10:00:00.000002Z'),
  ('00000000-0000-4000-8000-000000000003', 'req-2', 0, 'tributary-agent', '1.0.0', 'tributary-sdk', '0.1.0', 'dcim.device', (select id from device where serial = 'FOC123'), 'NO_CHANGES', '{"changes": []}', null,
    '{"device": {"name": "sw1", "status": "active"}, "timestamp": {"seconds": 1767348000, "nanos": 500}}', '2026-01-02T10:00:00Z'),
  ('00000000-0000-4000-8000-000000000004', 'req-3', 0, 'other-script', '2.0', 'diode-sdk-python', '1.0', 'dcim.site', null, 'QUEUED', null, null,
    '{"site": {"name": "DC Three"}}', '2026-01-03T10:00:00Z'),
  ('00000000-0000-4000-8000-000000000005', 'req-3', 1, 'other-script', '2.0', 'diode-sdk-python', '1.0', 'dcim.site', null, 'APPLIED', null, null,
    '{"site": {"name": "DC Four"}}', '2026-01-03T10:00:01Z');
`

export const SCOPES: Record<string, string[]> = { good: ['diode:read'], ingest: ['diode:ingest'] }

class AuthError extends Error {
  readonly code: string
  constructor (code: string, message: string) {
    super(message)
    this.code = code
  }
}

/** Stands in for the ingester's Authenticator.authorizeHttp: "Bearer good" may read. */
export async function authorize (req: http.IncomingMessage, scope: string): Promise<unknown> {
  const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')
  if (m === null) throw new AuthError('ERR_UNAUTHENTICATED', 'Authentication credentials were not provided.')
  const scopes = SCOPES[m[1]]
  if (scopes === undefined) throw new AuthError('ERR_UNAUTHENTICATED', 'Invalid token.')
  if (!scopes.includes(scope)) throw new AuthError('ERR_PERMISSION_DENIED', `token lacks scope ${scope}`)
  return { scopes }
}

export interface ApiServer {
  base: string
  get (path: string, token?: string | null): Promise<{ status: number, body: any, headers: Headers }>
  close (): Promise<void>
}

export async function startApi (db: Db, options: { publicUrl?: string, queue?: Queue } = {}): Promise<ApiServer> {
  const handler = createReadApi({ db, logger: silentLogger, authorize, publicUrl: options.publicUrl, queue: options.queue })
  const server = http.createServer((req, res) => {
    Promise.resolve(handler(req, res)).then((handled) => {
      if (!handled) {
        res.writeHead(418, { 'content-type': 'text/plain' })
        res.end('not the read API')
      }
    }, (err) => { res.destroy(err) })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    async get (path, token = 'good') {
      const res = await fetch(base + path, { headers: token === null ? {} : { authorization: `Bearer ${token}` } })
      const text = await res.text()
      let body: unknown = text
      try { body = JSON.parse(text) } catch {}
      return { status: res.status, body, headers: res.headers }
    },
    async close () {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((err) => err ? reject(err) : resolve()))
    }
  }
}
