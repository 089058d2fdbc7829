// Original file: proto/diode/v1/ingester.proto

import type { RIR as _diode_v1_RIR, RIR__Output as _diode_v1_RIR__Output } from '../../diode/v1/RIR.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface Aggregate {
  'prefix'?: (string);
  'rir'?: (_diode_v1_RIR | null);
  'tenant'?: (_diode_v1_Tenant | null);
  'date_added'?: (_google_protobuf_Timestamp | null);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_tenant'?: "tenant";
  '_date_added'?: "date_added";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface Aggregate__Output {
  'prefix'?: (string);
  'rir'?: (_diode_v1_RIR__Output);
  'tenant'?: (_diode_v1_Tenant__Output);
  'date_added'?: (_google_protobuf_Timestamp__Output);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_tenant'?: "tenant";
  '_date_added'?: "date_added";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
