// Original file: proto/diode/v1/ingester.proto

import type { Rack as _diode_v1_Rack, Rack__Output as _diode_v1_Rack__Output } from '../../diode/v1/Rack.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { User as _diode_v1_User, User__Output as _diode_v1_User__Output } from '../../diode/v1/User.ts';
import type { Long } from '@grpc/proto-loader';

export interface RackReservation {
  'rack'?: (_diode_v1_Rack | null);
  'units'?: (number | string | Long)[];
  'tenant'?: (_diode_v1_Tenant | null);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'status'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'user'?: (_diode_v1_User | null);
  '_tenant'?: "tenant";
  '_comments'?: "comments";
  '_status'?: "status";
  '_owner'?: "owner";
}

export interface RackReservation__Output {
  'rack'?: (_diode_v1_Rack__Output);
  'units'?: (number)[];
  'tenant'?: (_diode_v1_Tenant__Output);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'status'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'user'?: (_diode_v1_User__Output);
  '_tenant'?: "tenant";
  '_comments'?: "comments";
  '_status'?: "status";
  '_owner'?: "owner";
}
