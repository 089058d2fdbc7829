// Original file: proto/diode/v1/ingester.proto

import type { OwnerGroup as _diode_v1_OwnerGroup, OwnerGroup__Output as _diode_v1_OwnerGroup__Output } from '../../diode/v1/OwnerGroup.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { User as _diode_v1_User, User__Output as _diode_v1_User__Output } from '../../diode/v1/User.ts';

export interface Owner {
  'name'?: (string);
  'group'?: (_diode_v1_OwnerGroup | null);
  'description'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
  'users'?: (_diode_v1_User)[];
  '_description'?: "description";
}

export interface Owner__Output {
  'name'?: (string);
  'group'?: (_diode_v1_OwnerGroup__Output);
  'description'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
  'users'?: (_diode_v1_User__Output)[];
  '_description'?: "description";
}
