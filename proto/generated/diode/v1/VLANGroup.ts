// Original file: proto/diode/v1/ingester.proto

import type { Cluster as _diode_v1_Cluster, Cluster__Output as _diode_v1_Cluster__Output } from '../../diode/v1/Cluster.ts';
import type { ClusterGroup as _diode_v1_ClusterGroup, ClusterGroup__Output as _diode_v1_ClusterGroup__Output } from '../../diode/v1/ClusterGroup.ts';
import type { Location as _diode_v1_Location, Location__Output as _diode_v1_Location__Output } from '../../diode/v1/Location.ts';
import type { Rack as _diode_v1_Rack, Rack__Output as _diode_v1_Rack__Output } from '../../diode/v1/Rack.ts';
import type { Region as _diode_v1_Region, Region__Output as _diode_v1_Region__Output } from '../../diode/v1/Region.ts';
import type { Site as _diode_v1_Site, Site__Output as _diode_v1_Site__Output } from '../../diode/v1/Site.ts';
import type { SiteGroup as _diode_v1_SiteGroup, SiteGroup__Output as _diode_v1_SiteGroup__Output } from '../../diode/v1/SiteGroup.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { RackGroup as _diode_v1_RackGroup, RackGroup__Output as _diode_v1_RackGroup__Output } from '../../diode/v1/RackGroup.ts';
import type { Long } from '@grpc/proto-loader';

export interface VLANGroup {
  'name'?: (string);
  'slug'?: (string);
  'scope_cluster'?: (_diode_v1_Cluster | null);
  'scope_cluster_group'?: (_diode_v1_ClusterGroup | null);
  'scope_location'?: (_diode_v1_Location | null);
  'scope_rack'?: (_diode_v1_Rack | null);
  'scope_region'?: (_diode_v1_Region | null);
  'scope_site'?: (_diode_v1_Site | null);
  'scope_site_group'?: (_diode_v1_SiteGroup | null);
  'vid_ranges'?: (number | string | Long)[];
  'description'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'tenant'?: (_diode_v1_Tenant | null);
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'comments'?: (string);
  'scope_rack_group'?: (_diode_v1_RackGroup | null);
  'scope'?: "scope_cluster"|"scope_cluster_group"|"scope_location"|"scope_rack"|"scope_region"|"scope_site"|"scope_site_group"|"scope_rack_group";
  '_description'?: "description";
  '_tenant'?: "tenant";
  '_owner'?: "owner";
  '_comments'?: "comments";
}

export interface VLANGroup__Output {
  'name'?: (string);
  'slug'?: (string);
  'scope_cluster'?: (_diode_v1_Cluster__Output);
  'scope_cluster_group'?: (_diode_v1_ClusterGroup__Output);
  'scope_location'?: (_diode_v1_Location__Output);
  'scope_rack'?: (_diode_v1_Rack__Output);
  'scope_region'?: (_diode_v1_Region__Output);
  'scope_site'?: (_diode_v1_Site__Output);
  'scope_site_group'?: (_diode_v1_SiteGroup__Output);
  'vid_ranges'?: (number)[];
  'description'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'tenant'?: (_diode_v1_Tenant__Output);
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'comments'?: (string);
  'scope_rack_group'?: (_diode_v1_RackGroup__Output);
  'scope'?: "scope_cluster"|"scope_cluster_group"|"scope_location"|"scope_rack"|"scope_region"|"scope_site"|"scope_site_group"|"scope_rack_group";
  '_description'?: "description";
  '_tenant'?: "tenant";
  '_owner'?: "owner";
  '_comments'?: "comments";
}
