// Original file: proto/diode/v1/ingester.proto

import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { RouteTarget as _diode_v1_RouteTarget, RouteTarget__Output as _diode_v1_RouteTarget__Output } from '../../diode/v1/RouteTarget.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface VRF {
  'name'?: (string);
  'rd'?: (string);
  'tenant'?: (_diode_v1_Tenant | null);
  'enforce_unique'?: (boolean);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'import_targets'?: (_diode_v1_RouteTarget)[];
  'export_targets'?: (_diode_v1_RouteTarget)[];
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_rd'?: "rd";
  '_tenant'?: "tenant";
  '_enforce_unique'?: "enforce_unique";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface VRF__Output {
  'name'?: (string);
  'rd'?: (string);
  'tenant'?: (_diode_v1_Tenant__Output);
  'enforce_unique'?: (boolean);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'import_targets'?: (_diode_v1_RouteTarget__Output)[];
  'export_targets'?: (_diode_v1_RouteTarget__Output)[];
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_rd'?: "rd";
  '_tenant'?: "tenant";
  '_enforce_unique'?: "enforce_unique";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
