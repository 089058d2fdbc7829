// Original file: proto/diode/v1/ingester.proto

import type { WirelessLANGroup as _diode_v1_WirelessLANGroup, WirelessLANGroup__Output as _diode_v1_WirelessLANGroup__Output } from '../../diode/v1/WirelessLANGroup.ts';
import type { VLAN as _diode_v1_VLAN, VLAN__Output as _diode_v1_VLAN__Output } from '../../diode/v1/VLAN.ts';
import type { Location as _diode_v1_Location, Location__Output as _diode_v1_Location__Output } from '../../diode/v1/Location.ts';
import type { Region as _diode_v1_Region, Region__Output as _diode_v1_Region__Output } from '../../diode/v1/Region.ts';
import type { Site as _diode_v1_Site, Site__Output as _diode_v1_Site__Output } from '../../diode/v1/Site.ts';
import type { SiteGroup as _diode_v1_SiteGroup, SiteGroup__Output as _diode_v1_SiteGroup__Output } from '../../diode/v1/SiteGroup.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface WirelessLAN {
  'ssid'?: (string);
  'description'?: (string);
  'group'?: (_diode_v1_WirelessLANGroup | null);
  'status'?: (string);
  'vlan'?: (_diode_v1_VLAN | null);
  'scope_location'?: (_diode_v1_Location | null);
  'scope_region'?: (_diode_v1_Region | null);
  'scope_site'?: (_diode_v1_Site | null);
  'scope_site_group'?: (_diode_v1_SiteGroup | null);
  'tenant'?: (_diode_v1_Tenant | null);
  'auth_type'?: (string);
  'auth_cipher'?: (string);
  'auth_psk'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'scope'?: "scope_location"|"scope_region"|"scope_site"|"scope_site_group";
  '_description'?: "description";
  '_group'?: "group";
  '_status'?: "status";
  '_vlan'?: "vlan";
  '_tenant'?: "tenant";
  '_auth_type'?: "auth_type";
  '_auth_cipher'?: "auth_cipher";
  '_auth_psk'?: "auth_psk";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface WirelessLAN__Output {
  'ssid'?: (string);
  'description'?: (string);
  'group'?: (_diode_v1_WirelessLANGroup__Output);
  'status'?: (string);
  'vlan'?: (_diode_v1_VLAN__Output);
  'scope_location'?: (_diode_v1_Location__Output);
  'scope_region'?: (_diode_v1_Region__Output);
  'scope_site'?: (_diode_v1_Site__Output);
  'scope_site_group'?: (_diode_v1_SiteGroup__Output);
  'tenant'?: (_diode_v1_Tenant__Output);
  'auth_type'?: (string);
  'auth_cipher'?: (string);
  'auth_psk'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'scope'?: "scope_location"|"scope_region"|"scope_site"|"scope_site_group";
  '_description'?: "description";
  '_group'?: "group";
  '_status'?: "status";
  '_vlan'?: "vlan";
  '_tenant'?: "tenant";
  '_auth_type'?: "auth_type";
  '_auth_cipher'?: "auth_cipher";
  '_auth_psk'?: "auth_psk";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
