// Original file: proto/diode/v1/ingester.proto

import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface FHRPGroup {
  'name'?: (string);
  'protocol'?: (string);
  'group_id'?: (number | string | Long);
  'auth_type'?: (string);
  'auth_key'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_name'?: "name";
  '_auth_type'?: "auth_type";
  '_auth_key'?: "auth_key";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface FHRPGroup__Output {
  'name'?: (string);
  'protocol'?: (string);
  'group_id'?: (number);
  'auth_type'?: (string);
  'auth_key'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_name'?: "name";
  '_auth_type'?: "auth_type";
  '_auth_key'?: "auth_key";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
