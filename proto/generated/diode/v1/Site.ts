// Original file: proto/diode/v1/ingester.proto

import type { Region as _diode_v1_Region, Region__Output as _diode_v1_Region__Output } from '../../diode/v1/Region.ts';
import type { SiteGroup as _diode_v1_SiteGroup, SiteGroup__Output as _diode_v1_SiteGroup__Output } from '../../diode/v1/SiteGroup.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { ASN as _diode_v1_ASN, ASN__Output as _diode_v1_ASN__Output } from '../../diode/v1/ASN.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface Site {
  'name'?: (string);
  'slug'?: (string);
  'status'?: (string);
  'region'?: (_diode_v1_Region | null);
  'group'?: (_diode_v1_SiteGroup | null);
  'tenant'?: (_diode_v1_Tenant | null);
  'facility'?: (string);
  'time_zone'?: (string);
  'description'?: (string);
  'physical_address'?: (string);
  'shipping_address'?: (string);
  'latitude'?: (number | string);
  'longitude'?: (number | string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'asns'?: (_diode_v1_ASN)[];
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_status'?: "status";
  '_region'?: "region";
  '_group'?: "group";
  '_tenant'?: "tenant";
  '_facility'?: "facility";
  '_time_zone'?: "time_zone";
  '_description'?: "description";
  '_physical_address'?: "physical_address";
  '_shipping_address'?: "shipping_address";
  '_latitude'?: "latitude";
  '_longitude'?: "longitude";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface Site__Output {
  'name'?: (string);
  'slug'?: (string);
  'status'?: (string);
  'region'?: (_diode_v1_Region__Output);
  'group'?: (_diode_v1_SiteGroup__Output);
  'tenant'?: (_diode_v1_Tenant__Output);
  'facility'?: (string);
  'time_zone'?: (string);
  'description'?: (string);
  'physical_address'?: (string);
  'shipping_address'?: (string);
  'latitude'?: (number);
  'longitude'?: (number);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'asns'?: (_diode_v1_ASN__Output)[];
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_status'?: "status";
  '_region'?: "region";
  '_group'?: "group";
  '_tenant'?: "tenant";
  '_facility'?: "facility";
  '_time_zone'?: "time_zone";
  '_description'?: "description";
  '_physical_address'?: "physical_address";
  '_shipping_address'?: "shipping_address";
  '_latitude'?: "latitude";
  '_longitude'?: "longitude";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
