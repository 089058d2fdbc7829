// Original file: proto/diode/v1/ingester.proto

import type { VRF as _diode_v1_VRF, VRF__Output as _diode_v1_VRF__Output } from '../../diode/v1/VRF.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Role as _diode_v1_Role, Role__Output as _diode_v1_Role__Output } from '../../diode/v1/Role.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface IPRange {
  'start_address'?: (string);
  'end_address'?: (string);
  'vrf'?: (_diode_v1_VRF | null);
  'tenant'?: (_diode_v1_Tenant | null);
  'status'?: (string);
  'role'?: (_diode_v1_Role | null);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'mark_utilized'?: (boolean);
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'mark_populated'?: (boolean);
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_vrf'?: "vrf";
  '_tenant'?: "tenant";
  '_status'?: "status";
  '_role'?: "role";
  '_description'?: "description";
  '_comments'?: "comments";
  '_mark_utilized'?: "mark_utilized";
  '_mark_populated'?: "mark_populated";
  '_owner'?: "owner";
}

export interface IPRange__Output {
  'start_address'?: (string);
  'end_address'?: (string);
  'vrf'?: (_diode_v1_VRF__Output);
  'tenant'?: (_diode_v1_Tenant__Output);
  'status'?: (string);
  'role'?: (_diode_v1_Role__Output);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'mark_utilized'?: (boolean);
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'mark_populated'?: (boolean);
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_vrf'?: "vrf";
  '_tenant'?: "tenant";
  '_status'?: "status";
  '_role'?: "role";
  '_description'?: "description";
  '_comments'?: "comments";
  '_mark_utilized'?: "mark_utilized";
  '_mark_populated'?: "mark_populated";
  '_owner'?: "owner";
}
