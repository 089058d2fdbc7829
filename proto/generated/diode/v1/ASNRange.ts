// Original file: proto/diode/v1/ingester.proto

import type { RIR as _diode_v1_RIR, RIR__Output as _diode_v1_RIR__Output } from '../../diode/v1/RIR.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface ASNRange {
  'name'?: (string);
  'slug'?: (string);
  'rir'?: (_diode_v1_RIR | null);
  'start'?: (number | string | Long);
  'end'?: (number | string | Long);
  'tenant'?: (_diode_v1_Tenant | null);
  'description'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'comments'?: (string);
  '_tenant'?: "tenant";
  '_description'?: "description";
  '_owner'?: "owner";
  '_comments'?: "comments";
}

export interface ASNRange__Output {
  'name'?: (string);
  'slug'?: (string);
  'rir'?: (_diode_v1_RIR__Output);
  'start'?: (number);
  'end'?: (number);
  'tenant'?: (_diode_v1_Tenant__Output);
  'description'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'comments'?: (string);
  '_tenant'?: "tenant";
  '_description'?: "description";
  '_owner'?: "owner";
  '_comments'?: "comments";
}
