-- The source of truth: NetBox's data model for the core DCIM/IPAM/tenancy objects, the change log
-- and the ingestion log. Runs unchanged on PostgreSQL 15+ and PGlite (no extensions).
--
-- Conventions (shared with the reconciler and the read API):
-- * id bigserial keys; references are <name>_id bigint columns with foreign keys.
--   Components die with their parent (on delete cascade); optional references are cleared
--   (on delete set null); required references block deletion (restrict), as NetBox's PROTECT.
-- * Every object has created/last_updated, and (like NetBox) description, comments,
--   custom_fields jsonb. Tags go through one polymorphic join table, tagged_item.
-- * Unique indexes encode the reconciler's matching rules (DESIGN.md): two reconcilers that plan
--   the same create concurrently collide on them, and INSERT ... ON CONFLICT lets the loser
--   match the winner's row instead of creating a duplicate. Nullable key parts are folded with
--   coalesce() so a NULL counts as one value ("nulls not distinct").
-- * object_type strings are NetBox's "app_label.model" names (dcim.device, ipam.ipaddress).

-- Organisation -------------------------------------------------------------------------------

create table region (
  id bigserial primary key,
  name text not null,
  slug text not null,
  parent_id bigint references region (id) on delete set null,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index region_name_key on region (name);
create unique index region_slug_key on region (slug);

create table site_group (
  id bigserial primary key,
  name text not null,
  slug text not null,
  parent_id bigint references site_group (id) on delete set null,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index site_group_name_key on site_group (name);
create unique index site_group_slug_key on site_group (slug);

create table tenant_group (
  id bigserial primary key,
  name text not null,
  slug text not null,
  parent_id bigint references tenant_group (id) on delete set null,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index tenant_group_name_key on tenant_group (name);
create unique index tenant_group_slug_key on tenant_group (slug);

create table tenant (
  id bigserial primary key,
  name text not null,
  slug text not null,
  group_id bigint references tenant_group (id) on delete set null,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index tenant_name_key on tenant (name);
create unique index tenant_slug_key on tenant (slug);

create table site (
  id bigserial primary key,
  name text not null,
  slug text not null,
  status text not null default 'active',
  region_id bigint references region (id) on delete set null,
  group_id bigint references site_group (id) on delete set null,
  tenant_id bigint references tenant (id) on delete set null,
  facility text not null default '',
  time_zone text,
  physical_address text not null default '',
  shipping_address text not null default '',
  latitude numeric(8, 6),
  longitude numeric(9, 6),
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index site_name_key on site (name);
create unique index site_slug_key on site (slug);

create table location (
  id bigserial primary key,
  name text not null,
  slug text not null,
  site_id bigint not null references site (id) on delete cascade,
  parent_id bigint references location (id) on delete cascade,
  status text not null default 'active',
  tenant_id bigint references tenant (id) on delete set null,
  facility text not null default '',
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index location_site_name_key on location (site_id, name);
create unique index location_site_slug_key on location (site_id, slug);

create table tag (
  id bigserial primary key,
  name text not null,
  slug text not null,
  color text not null default '9e9e9e',
  description text not null default '',
  weight integer not null default 1000,
  object_types text[] not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index tag_name_key on tag (name);
create unique index tag_slug_key on tag (slug);

-- One polymorphic join table for all tagged objects: (dcim.device, 42, tag 7). Tags are merged by
-- inserting pairs, never by replacing a set, so concurrent writers cannot drop each other's tags.
create table tagged_item (
  object_type text not null,
  object_id bigint not null,
  tag_id bigint not null references tag (id) on delete cascade,
  created timestamptz not null default now(),
  primary key (object_type, object_id, tag_id)
);
create index tagged_item_tag_idx on tagged_item (tag_id);

-- Device types and roles ---------------------------------------------------------------------

create table manufacturer (
  id bigserial primary key,
  name text not null,
  slug text not null,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index manufacturer_name_key on manufacturer (name);
create unique index manufacturer_slug_key on manufacturer (slug);

create table platform (
  id bigserial primary key,
  name text not null,
  slug text not null,
  manufacturer_id bigint references manufacturer (id) on delete set null,
  parent_id bigint references platform (id) on delete set null,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index platform_manufacturer_name_key on platform ((coalesce(manufacturer_id, 0)), name);
create unique index platform_manufacturer_slug_key on platform ((coalesce(manufacturer_id, 0)), slug);

create table device_type (
  id bigserial primary key,
  manufacturer_id bigint not null references manufacturer (id) on delete restrict,
  default_platform_id bigint references platform (id) on delete set null,
  model text not null,
  slug text not null,
  part_number text not null default '',
  u_height numeric(4, 1) not null default 1.0,
  exclude_from_utilization boolean not null default false,
  is_full_depth boolean not null default true,
  subdevice_role text,
  airflow text,
  weight numeric(8, 2),
  weight_unit text,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index device_type_manufacturer_model_key on device_type (manufacturer_id, model);
create unique index device_type_manufacturer_slug_key on device_type (manufacturer_id, slug);

create table device_role (
  id bigserial primary key,
  name text not null,
  slug text not null,
  color text not null default '9e9e9e',
  vm_role boolean not null default true,
  parent_id bigint references device_role (id) on delete set null,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index device_role_name_key on device_role (name);
create unique index device_role_slug_key on device_role (slug);

create table module_type (
  id bigserial primary key,
  manufacturer_id bigint not null references manufacturer (id) on delete restrict,
  model text not null,
  part_number text not null default '',
  airflow text,
  weight numeric(8, 2),
  weight_unit text,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index module_type_manufacturer_model_key on module_type (manufacturer_id, model);

-- IPAM containers (devices and interfaces point at these) --------------------------------------

create table ipam_role (
  id bigserial primary key,
  name text not null,
  slug text not null,
  weight integer not null default 1000,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index ipam_role_name_key on ipam_role (name);
create unique index ipam_role_slug_key on ipam_role (slug);

create table route_target (
  id bigserial primary key,
  name text not null,
  tenant_id bigint references tenant (id) on delete set null,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index route_target_name_key on route_target (name);

-- VRF: matched by rd when given, else by name; a named VRF without rd is unique by name.
create table vrf (
  id bigserial primary key,
  name text not null,
  rd text,
  tenant_id bigint references tenant (id) on delete set null,
  enforce_unique boolean not null default true,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index vrf_rd_key on vrf (rd) where rd is not null;
create unique index vrf_name_no_rd_key on vrf (name) where rd is null;

create table vrf_import_target (
  vrf_id bigint not null references vrf (id) on delete cascade,
  route_target_id bigint not null references route_target (id) on delete cascade,
  primary key (vrf_id, route_target_id)
);

create table vrf_export_target (
  vrf_id bigint not null references vrf (id) on delete cascade,
  route_target_id bigint not null references route_target (id) on delete cascade,
  primary key (vrf_id, route_target_id)
);

-- A VLAN group's scope is generic in NetBox (site, location, region, ...): scope_type names the
-- model ("dcim.site"), scope_id its row.
create table vlan_group (
  id bigserial primary key,
  name text not null,
  slug text not null,
  scope_type text,
  scope_id bigint,
  vid_ranges int4range[] not null default '{"[1,4095)"}',
  tenant_id bigint references tenant (id) on delete set null,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index vlan_group_scope_name_key on vlan_group ((coalesce(scope_type, '')), (coalesce(scope_id, 0)), name);
create unique index vlan_group_scope_slug_key on vlan_group ((coalesce(scope_type, '')), (coalesce(scope_id, 0)), slug);

-- VLAN matching: (vid, group), then (vid, site), then vid alone with neither.
create table vlan (
  id bigserial primary key,
  site_id bigint references site (id) on delete set null,
  group_id bigint references vlan_group (id) on delete set null,
  vid integer not null check (vid between 1 and 4094),
  name text not null,
  tenant_id bigint references tenant (id) on delete set null,
  status text not null default 'active',
  role_id bigint references ipam_role (id) on delete set null,
  qinq_role text,
  qinq_svlan_id bigint references vlan (id) on delete set null,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index vlan_group_vid_key on vlan (group_id, vid) where group_id is not null;
create unique index vlan_site_vid_key on vlan (site_id, vid) where group_id is null and site_id is not null;
create unique index vlan_global_vid_key on vlan (vid) where group_id is null and site_id is null;

-- Devices ------------------------------------------------------------------------------------

create table virtual_chassis (
  id bigserial primary key,
  name text not null,
  domain text not null default '',
  master_id bigint,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index virtual_chassis_name_key on virtual_chassis (name);

create table device (
  id bigserial primary key,
  name text,
  device_type_id bigint not null references device_type (id) on delete restrict,
  role_id bigint not null references device_role (id) on delete restrict,
  tenant_id bigint references tenant (id) on delete set null,
  platform_id bigint references platform (id) on delete set null,
  serial text not null default '',
  asset_tag text,
  site_id bigint not null references site (id) on delete restrict,
  location_id bigint references location (id) on delete set null,
  position numeric(4, 1),
  face text,
  latitude numeric(8, 6),
  longitude numeric(9, 6),
  status text not null default 'active',
  airflow text,
  -- Cyclic with ip_address (an address sits on an interface of this device); the foreign keys
  -- are added after ip_address exists, and the reconciler writes these in a second step.
  primary_ip4_id bigint,
  primary_ip6_id bigint,
  oob_ip_id bigint,
  virtual_chassis_id bigint references virtual_chassis (id) on delete set null,
  vc_position integer,
  vc_priority integer,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index device_asset_tag_key on device (asset_tag);
-- (name, site, tenant) with "no tenant" as one value; unnamed devices are never matched by name.
create unique index device_site_name_tenant_key on device (site_id, name, (coalesce(tenant_id, 0))) where name is not null;
create index device_name_idx on device (name);
-- An address is the primary address of at most one device (NetBox's one-to-one).
create unique index device_primary_ip4_key on device (primary_ip4_id);
create unique index device_primary_ip6_key on device (primary_ip6_id);
create unique index device_oob_ip_key on device (oob_ip_id);

alter table virtual_chassis
  add constraint virtual_chassis_master_fk foreign key (master_id) references device (id) on delete set null;

create table module_bay (
  id bigserial primary key,
  device_id bigint not null references device (id) on delete cascade,
  module_id bigint,
  name text not null,
  label text not null default '',
  position text not null default '',
  enabled boolean not null default true,
  description text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index module_bay_device_name_key on module_bay (device_id, name);

create table module (
  id bigserial primary key,
  device_id bigint not null references device (id) on delete cascade,
  module_bay_id bigint not null references module_bay (id) on delete cascade,
  module_type_id bigint not null references module_type (id) on delete restrict,
  status text not null default 'active',
  serial text not null default '',
  asset_tag text,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
-- One module per bay: the bay is the module's identity.
create unique index module_module_bay_key on module (module_bay_id);
create unique index module_asset_tag_key on module (asset_tag);

alter table module_bay
  add constraint module_bay_module_fk foreign key (module_id) references module (id) on delete cascade;

create table interface (
  id bigserial primary key,
  device_id bigint not null references device (id) on delete cascade,
  module_id bigint references module (id) on delete cascade,
  name text not null,
  label text not null default '',
  type text not null default 'other',
  enabled boolean not null default true,
  parent_id bigint references interface (id) on delete set null,
  bridge_id bigint references interface (id) on delete set null,
  lag_id bigint references interface (id) on delete set null,
  mtu integer,
  -- The interface's own MAC as reported (NetBox <= 4.1 kept it here); MAC objects live in
  -- mac_address, primary_mac_address_id points at one of them.
  mac_address macaddr,
  primary_mac_address_id bigint,
  speed bigint, -- kbps, as NetBox
  duplex text,
  wwn text,
  mgmt_only boolean not null default false,
  mode text,
  rf_role text,
  rf_channel text,
  rf_channel_frequency numeric(7, 2),
  rf_channel_width numeric(7, 3),
  tx_power integer,
  poe_mode text,
  poe_type text,
  mark_connected boolean not null default false,
  untagged_vlan_id bigint references vlan (id) on delete set null,
  qinq_svlan_id bigint references vlan (id) on delete set null,
  vrf_id bigint references vrf (id) on delete set null,
  description text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index interface_device_name_key on interface (device_id, name);
create index interface_lag_idx on interface (lag_id) where lag_id is not null;

create table interface_tagged_vlan (
  interface_id bigint not null references interface (id) on delete cascade,
  vlan_id bigint not null references vlan (id) on delete cascade,
  primary key (interface_id, vlan_id)
);
create index interface_tagged_vlan_vlan_idx on interface_tagged_vlan (vlan_id);

create table mac_address (
  id bigserial primary key,
  mac_address macaddr not null,
  interface_id bigint references interface (id) on delete set null,
  -- NetBox's generic assignment, derived from the typed column so the foreign key stays real.
  assigned_object_type text generated always as (case when interface_id is not null then 'dcim.interface' end) stored,
  assigned_object_id bigint generated always as (interface_id) stored,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index mac_address_assigned_key on mac_address (mac_address, (coalesce(interface_id, 0)));

alter table interface
  add constraint interface_primary_mac_address_fk foreign key (primary_mac_address_id) references mac_address (id) on delete set null;

create table inventory_item (
  id bigserial primary key,
  device_id bigint not null references device (id) on delete cascade,
  parent_id bigint references inventory_item (id) on delete cascade,
  name text not null,
  label text not null default '',
  status text not null default 'active',
  manufacturer_id bigint references manufacturer (id) on delete set null,
  part_id text not null default '',
  serial text not null default '',
  asset_tag text,
  discovered boolean not null default false,
  component_type text,
  component_id bigint,
  description text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index inventory_item_device_parent_name_key on inventory_item (device_id, (coalesce(parent_id, 0)), name);
create unique index inventory_item_asset_tag_key on inventory_item (asset_tag);

-- IP addresses and prefixes -------------------------------------------------------------------

-- Matched as addresses within a VRF ("global" = no VRF): host() normalises the text form, so
-- 2001:db8::1/64 and 2001:0db8:0:0::1/64 are one row, and the mask is an attribute.
create table ip_address (
  id bigserial primary key,
  address inet not null,
  vrf_id bigint references vrf (id) on delete set null,
  tenant_id bigint references tenant (id) on delete set null,
  status text not null default 'active',
  role text,
  interface_id bigint references interface (id) on delete set null,
  assigned_object_type text generated always as (case when interface_id is not null then 'dcim.interface' end) stored,
  assigned_object_id bigint generated always as (interface_id) stored,
  nat_inside_id bigint references ip_address (id) on delete set null,
  dns_name text not null default '',
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index ip_address_vrf_host_key on ip_address ((coalesce(vrf_id, 0)), (host(address)));
create index ip_address_interface_idx on ip_address (interface_id) where interface_id is not null;
create index ip_address_address_idx on ip_address (address);

alter table device
  add constraint device_primary_ip4_fk foreign key (primary_ip4_id) references ip_address (id) on delete set null,
  add constraint device_primary_ip6_fk foreign key (primary_ip6_id) references ip_address (id) on delete set null,
  add constraint device_oob_ip_fk foreign key (oob_ip_id) references ip_address (id) on delete set null;

create table prefix (
  id bigserial primary key,
  prefix cidr not null,
  vrf_id bigint references vrf (id) on delete set null,
  scope_type text,
  scope_id bigint,
  -- Cached site of the scope (the site itself, or a location's site), for filtering by site.
  site_id bigint references site (id) on delete set null,
  tenant_id bigint references tenant (id) on delete set null,
  vlan_id bigint references vlan (id) on delete set null,
  status text not null default 'active',
  role_id bigint references ipam_role (id) on delete set null,
  is_pool boolean not null default false,
  mark_utilized boolean not null default false,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);
create unique index prefix_vrf_prefix_key on prefix ((coalesce(vrf_id, 0)), prefix);
create index prefix_site_idx on prefix (site_id) where site_id is not null;

-- Cables -------------------------------------------------------------------------------------

create table cable (
  id bigserial primary key,
  type text,
  status text not null default 'connected',
  tenant_id bigint references tenant (id) on delete set null,
  label text not null default '',
  color text not null default '',
  length numeric(10, 2),
  length_unit text,
  description text not null default '',
  comments text not null default '',
  custom_fields jsonb not null default '{}',
  created timestamptz not null default now(),
  last_updated timestamptz not null default now()
);

-- A cable is identified by its set of terminations (A/B-insensitive). An endpoint carries at
-- most one cable, which is also what keeps concurrent reconcilers from cabling it twice.
create table cable_termination (
  id bigserial primary key,
  cable_id bigint not null references cable (id) on delete cascade,
  cable_end char(1) not null check (cable_end in ('A', 'B')),
  termination_type text not null,
  termination_id bigint not null,
  created timestamptz not null default now()
);
create unique index cable_termination_object_key on cable_termination (termination_type, termination_id);
create index cable_termination_cable_idx on cable_termination (cable_id);

-- Change log (NetBox's core.ObjectChange) ------------------------------------------------------

create table object_change (
  id bigserial primary key,
  time timestamptz not null default now(),
  user_name text not null default '',
  request_id text,
  action text not null check (action in ('create', 'update', 'delete')),
  object_type text not null,
  object_id bigint not null,
  object_repr text not null default '',
  prechange_data jsonb,
  postchange_data jsonb
);
create index object_change_object_idx on object_change (object_type, object_id);
create index object_change_request_idx on object_change (request_id);
create index object_change_time_idx on object_change (time);

-- Ingestion log: one row per received entity, whatever became of it ----------------------------

create table ingestion_log (
  id uuid primary key,
  request_id text not null,
  entity_index integer not null,
  producer_app_name text not null default '',
  producer_app_version text not null default '',
  sdk_name text not null default '',
  sdk_version text not null default '',
  -- NetBox-style type of the entity's own object ("dcim.device"), or the Entity member name when
  -- the type is not reconciled.
  object_type text not null,
  -- Row the entity resolved to, when it did.
  object_id bigint,
  state text not null check (state in ('QUEUED', 'APPLIED', 'NO_CHANGES', 'FAILED', 'OPEN')),
  -- {"changes": [{"change_type": "create"|"update"|"noop", "object_type", "object_id",
  --   "before": {...}, "after": {...}}]}
  change_set jsonb,
  -- {"message", "code", "entity_index", "field"}
  error jsonb,
  -- The entity as received (protobuf decoded to snake_case JSON).
  entity jsonb,
  ingestion_ts timestamptz not null default now(),
  source_ts timestamptz,
  created timestamptz not null default now()
);
-- An entity is logged once, even when a request is redelivered after a crash.
create unique index ingestion_log_request_entity_key on ingestion_log (request_id, entity_index);
create index ingestion_log_state_idx on ingestion_log (state, created);
create index ingestion_log_object_type_idx on ingestion_log (object_type, created);
create index ingestion_log_producer_idx on ingestion_log (producer_app_name, created);
create index ingestion_log_created_idx on ingestion_log (created);
create index ingestion_log_ingestion_ts_idx on ingestion_log (ingestion_ts);

-- References that could not be written yet: a device's primary IP that does not exist (or is not
-- on one of its interfaces) yet. The reconciler resolves them when the address arrives.
create table deferred_reference (
  id bigserial primary key,
  object_type text not null,
  object_id bigint not null,
  field text not null,
  target_type text not null,
  -- Match key of the missing target, e.g. {"vrf_id": null, "host": "10.0.0.1"}.
  target jsonb not null,
  request_id text,
  created timestamptz not null default now()
);
create unique index deferred_reference_object_field_key on deferred_reference (object_type, object_id, field);
create index deferred_reference_target_idx on deferred_reference (target_type, ((target ->> 'host')));
