import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import protobuf from 'protobufjs'
import {
  ENTITY_TYPES, ENTITY_MESSAGE, ENTITY_FIELD_NUMBER, EntityType, messageType, root, TO_OBJECT_OPTIONS, toProtoJson, fromProtoJson
} from '../../proto/index.ts'

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

// Field numbers of the core diode.v1 messages, written down from the public schema. A change in
// the .proto that moves any of them breaks every official SDK on the wire.
const CORE: Record<string, Record<string, number>> = {
  Entity: {
    timestamp: 1,
    asn: 2, asn_range: 3, aggregate: 4, cable: 5, cable_path: 6, cable_termination: 7, circuit: 8,
    circuit_group: 9, circuit_group_assignment: 10, circuit_termination: 11, circuit_type: 12, cluster: 13,
    cluster_group: 14, cluster_type: 15, console_port: 16, console_server_port: 17, contact: 18,
    contact_assignment: 19, contact_group: 20, contact_role: 21, device: 22, device_bay: 23, device_role: 24,
    device_type: 25, fhrp_group: 26, fhrp_group_assignment: 27, front_port: 28, ike_policy: 29,
    ike_proposal: 30, ip_address: 31, ip_range: 32, ip_sec_policy: 33, ip_sec_profile: 34, ip_sec_proposal: 35,
    interface: 36, inventory_item: 37, inventory_item_role: 38, l2vpn: 39, l2vpn_termination: 40, location: 41,
    mac_address: 42, manufacturer: 43, module: 44, module_bay: 45, module_type: 46, platform: 47,
    power_feed: 48, power_outlet: 49, power_panel: 50, power_port: 51, prefix: 52, provider: 53,
    provider_account: 54, provider_network: 55, rir: 56, rack: 57, rack_reservation: 58, rack_role: 59,
    rack_type: 60, rear_port: 61, region: 62, role: 63, route_target: 64, service: 65, site: 66,
    site_group: 67, tag: 68, tenant: 69, tenant_group: 70, tunnel: 71, tunnel_group: 72,
    tunnel_termination: 73, vlan: 74, vlan_group: 75, vlan_translation_policy: 76, vlan_translation_rule: 77,
    vm_interface: 78, vrf: 79, virtual_chassis: 80, virtual_circuit: 81, virtual_circuit_termination: 82,
    virtual_circuit_type: 83, virtual_device_context: 84, virtual_disk: 85, virtual_machine: 86,
    wireless_lan: 87, wireless_lan_group: 88, wireless_link: 89, custom_field: 90, custom_field_choice_set: 91,
    journal_entry: 92, module_type_profile: 93, custom_link: 94, owner: 95, owner_group: 96, device_config: 97,
    cable_bundle: 98, rack_group: 99, script_module: 100, virtual_machine_type: 101, user: 102,
    cooling_feed: 103, cooling_intake: 104, cooling_outflow: 105, cooling_source: 106, module_bay_type: 107
  },

  IngestRequest: { stream: 1, entities: 2, id: 3, producer_app_name: 4, producer_app_version: 5, sdk_name: 6, sdk_version: 7, metadata: 8 },
  IngestResponse: { errors: 1 },
  Device: {
    name: 1, device_type: 2, role: 3, tenant: 4, platform: 5, serial: 6, asset_tag: 7, site: 8, location: 9, rack: 10,
    position: 11, face: 12, latitude: 13, longitude: 14, status: 15, airflow: 16, primary_ip4: 17, primary_ip6: 18,
    oob_ip: 19, cluster: 20, virtual_chassis: 21, vc_position: 22, vc_priority: 23, description: 24, comments: 25,
    tags: 26, custom_fields: 27, metadata: 28, owner: 29, config: 30, cooling_method: 31
  },
  DeviceType: {
    manufacturer: 1, default_platform: 2, model: 3, slug: 4, part_number: 5, u_height: 6, exclude_from_utilization: 7,
    is_full_depth: 8, subdevice_role: 9, airflow: 10, weight: 11, weight_unit: 12, description: 13, comments: 14,
    tags: 15, custom_fields: 16, metadata: 17, owner: 18, cooling_method: 19, end_of_life: 20
  },
  IPAddress: {
    address: 1, vrf: 2, tenant: 3, status: 4, role: 5, assigned_object_fhrp_group: 6, assigned_object_interface: 7,
    assigned_object_vm_interface: 8, nat_inside: 9, dns_name: 10, description: 11, comments: 12, tags: 13,
    custom_fields: 14, metadata: 15, owner: 16
  },
  Interface: {
    device: 1, module: 2, name: 3, label: 4, type: 5, enabled: 6, parent: 7, bridge: 8, lag: 9, mtu: 10,
    primary_mac_address: 11, speed: 12, duplex: 13, wwn: 14, mgmt_only: 15, description: 16, mode: 17, rf_role: 18,
    rf_channel: 19, poe_mode: 20, poe_type: 21, rf_channel_frequency: 22, rf_channel_width: 23, tx_power: 24,
    untagged_vlan: 25, qinq_svlan: 26, vlan_translation_policy: 27, mark_connected: 28, vrf: 29, tags: 30,
    custom_fields: 31, vdcs: 32, tagged_vlans: 33, wireless_lans: 34, metadata: 35, owner: 36, channels: 37,
    channel_id: 38, mac_address: 39
  },
  Manufacturer: { name: 1, slug: 2, description: 3, tags: 4, custom_fields: 5, metadata: 6, owner: 7, comments: 8 },
  Platform: { name: 1, slug: 2, manufacturer: 3, description: 4, tags: 5, custom_fields: 6, parent: 7, comments: 8, metadata: 9, owner: 10 },
  Prefix: {
    prefix: 1, vrf: 2, scope_location: 3, scope_region: 4, scope_site: 5, scope_site_group: 6, tenant: 7, vlan: 8,
    status: 9, role: 10, is_pool: 11, mark_utilized: 12, description: 13, comments: 14, tags: 15, custom_fields: 16,
    metadata: 17, owner: 18
  },
  Site: {
    name: 1, slug: 2, status: 3, region: 4, group: 5, tenant: 6, facility: 7, time_zone: 8, description: 9,
    physical_address: 10, shipping_address: 11, latitude: 12, longitude: 13, comments: 14, tags: 15, custom_fields: 16,
    asns: 17, metadata: 18, owner: 19
  },
  Tag: { name: 1, slug: 2, color: 3, description: 4, weight: 5, object_types: 6, metadata: 7 },
  VLAN: {
    site: 1, group: 2, vid: 3, name: 4, tenant: 5, status: 6, role: 7, description: 8, qinq_role: 9, qinq_svlan: 10,
    comments: 11, tags: 12, custom_fields: 13, metadata: 14, owner: 15
  },
  VRF: {
    name: 1, rd: 2, tenant: 3, enforce_unique: 4, description: 5, comments: 6, tags: 7, custom_fields: 8,
    import_targets: 9, export_targets: 10, metadata: 11, owner: 12
  },
  IngestionLog: {
    id: 1, data_type: 2, state: 3, request_id: 4, ingestion_ts: 5, producer_app_name: 6, producer_app_version: 7,
    sdk_name: 8, sdk_version: 9, entity: 10, error: 11, change_set: 12, object_type: 13, source_ts: 14
  },
  RetrieveIngestionLogsRequest: {
    page_size: 1, state: 2, data_type: 3, request_id: 4, ingestion_ts_start: 5, ingestion_ts_end: 6, page_token: 7,
    only_metrics: 8, object_type: 9
  }
}

test('proto - core messages have the field numbers of the public diode.v1 schema', () => {
  for (const [message, fields] of Object.entries(CORE)) {
    const type = messageType(message)
    for (const [name, id] of Object.entries(fields)) {
      assert.ok(type.fields[name] !== undefined, `diode.v1.${message}.${name} is missing`)
      assert.equal(type.fields[name].id, id, `diode.v1.${message}.${name}`)
    }
    assert.equal(type.fieldsArray.length, Object.keys(fields).length, `diode.v1.${message} has fields the table does not list`)
  }
})

test('proto - Entity members are numbered 2..107 around timestamp = 1', () => {
  const entity = messageType('Entity')
  const ids = entity.fieldsArray.map((f) => f.id).sort((a, b) => a - b)
  assert.equal(ids[0], 1)
  assert.equal(entity.fields.timestamp.id, 1)
  assert.deepEqual(ids.slice(1), Array.from({ length: 106 }, (_v, i) => i + 2))
})

// Every row of ../shared/spec/diode-v1-wire.md (the wire facts the .proto was written from), when
// the spec is present next to the repository. Sections after "Legacy numbering" describe a
// superseded schema and are not ours.
const WIRE_SPEC = fileURLToPath(new URL('../../../shared/spec/diode-v1-wire.md', import.meta.url))

test('proto - every field of diode-v1-wire.md has the same number, type and label', { skip: !existsSync(WIRE_SPEC) && 'wire spec not present' }, () => {
  const text = readFileSync(WIRE_SPEC, 'utf8').split(/^## Legacy numbering/m)[0]
  let checked = 0
  const sections = text.split(/^### /m).slice(1)
  for (const section of sections) {
    const fullName = section.split('\n')[0].trim()
    if (!fullName.startsWith('diode.v1.')) continue
    const type = root.lookupType(fullName)
    for (const m of section.matchAll(/^\| (\d+) \| (\w+) \| ([^|]+?) \| ([^|]*?) \|/gm)) {
      const [, id, name, wireType, label] = m
      const field = type.fields[name]
      assert.ok(field !== undefined, `${fullName}.${name} is missing`)
      assert.equal(field.id, Number(id), `${fullName}.${name} number`)
      field.resolve()
      if (label.startsWith('repeated (map')) {
        assert.ok(field.map, `${fullName}.${name} should be a map`)
      } else {
        assert.equal(field.repeated, label === 'repeated', `${fullName}.${name} repeated`)
        const expected = wireType.replace(/^diode\.v1\./, '')
        const actual = field.resolvedType === null ? field.type : field.resolvedType.fullName.replace(/^\.(diode\.v1\.)?/, '')
        assert.equal(actual, expected, `${fullName}.${name} type`)
      }
      assert.equal(field.options?.proto3_optional === true, label === 'optional', `${fullName}.${name} optional`)
      if (label.startsWith('oneof ')) assert.equal(field.partOf?.name, label.slice(6), `${fullName}.${name} oneof`)
      checked++
    }
  }
  assert.ok(checked > 1500, `only ${checked} rows parsed from the wire spec`)
})
