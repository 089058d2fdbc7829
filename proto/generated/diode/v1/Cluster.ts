// Original file: proto/diode/v1/ingester.proto

import type { ClusterType as _diode_v1_ClusterType, ClusterType__Output as _diode_v1_ClusterType__Output } from '../../diode/v1/ClusterType.ts';
import type { ClusterGroup as _diode_v1_ClusterGroup, ClusterGroup__Output as _diode_v1_ClusterGroup__Output } from '../../diode/v1/ClusterGroup.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Location as _diode_v1_Location, Location__Output as _diode_v1_Location__Output } from '../../diode/v1/Location.ts';
import type { Region as _diode_v1_Region, Region__Output as _diode_v1_Region__Output } from '../../diode/v1/Region.ts';
import type { Site as _diode_v1_Site, Site__Output as _diode_v1_Site__Output } from '../../diode/v1/Site.ts';
import type { SiteGroup as _diode_v1_SiteGroup, SiteGroup__Output as _diode_v1_SiteGroup__Output } from '../../diode/v1/SiteGroup.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface Cluster {
  'name'?: (string);
  'type'?: (_diode_v1_ClusterType | null);
  'group'?: (_diode_v1_ClusterGroup | null);
  'status'?: (string);
  'tenant'?: (_diode_v1_Tenant | null);
  'scope_location'?: (_diode_v1_Location | null);
  'scope_region'?: (_diode_v1_Region | null);
  'scope_site'?: (_diode_v1_Site | null);
  'scope_site_group'?: (_diode_v1_SiteGroup | null);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'scope'?: "scope_location"|"scope_region"|"scope_site"|"scope_site_group";
  '_group'?: "group";
  '_status'?: "status";
  '_tenant'?: "tenant";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface Cluster__Output {
  'name'?: (string);
  'type'?: (_diode_v1_ClusterType__Output);
  'group'?: (_diode_v1_ClusterGroup__Output);
  'status'?: (string);
  'tenant'?: (_diode_v1_Tenant__Output);
  'scope_location'?: (_diode_v1_Location__Output);
  'scope_region'?: (_diode_v1_Region__Output);
  'scope_site'?: (_diode_v1_Site__Output);
  'scope_site_group'?: (_diode_v1_SiteGroup__Output);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'scope'?: "scope_location"|"scope_region"|"scope_site"|"scope_site_group";
  '_group'?: "group";
  '_status'?: "status";
  '_tenant'?: "tenant";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
