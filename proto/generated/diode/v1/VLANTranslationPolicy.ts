// Original file: proto/diode/v1/ingester.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface VLANTranslationPolicy {
  'name'?: (string);
  'description'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'comments'?: (string);
  '_description'?: "description";
  '_owner'?: "owner";
  '_comments'?: "comments";
}

export interface VLANTranslationPolicy__Output {
  'name'?: (string);
  'description'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'comments'?: (string);
  '_description'?: "description";
  '_owner'?: "owner";
  '_comments'?: "comments";
}
