// Original file: proto/diode/v1/ingester.proto

import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { RouteTarget as _diode_v1_RouteTarget, RouteTarget__Output as _diode_v1_RouteTarget__Output } from '../../diode/v1/RouteTarget.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface L2VPN {
  'identifier'?: (number | string | Long);
  'name'?: (string);
  'slug'?: (string);
  'type'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tenant'?: (_diode_v1_Tenant | null);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'import_targets'?: (_diode_v1_RouteTarget)[];
  'export_targets'?: (_diode_v1_RouteTarget)[];
  'status'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_identifier'?: "identifier";
  '_type'?: "type";
  '_description'?: "description";
  '_comments'?: "comments";
  '_tenant'?: "tenant";
  '_status'?: "status";
  '_owner'?: "owner";
}

export interface L2VPN__Output {
  'identifier'?: (number);
  'name'?: (string);
  'slug'?: (string);
  'type'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tenant'?: (_diode_v1_Tenant__Output);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'import_targets'?: (_diode_v1_RouteTarget__Output)[];
  'export_targets'?: (_diode_v1_RouteTarget__Output)[];
  'status'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_identifier'?: "identifier";
  '_type'?: "type";
  '_description'?: "description";
  '_comments'?: "comments";
  '_tenant'?: "tenant";
  '_status'?: "status";
  '_owner'?: "owner";
}
