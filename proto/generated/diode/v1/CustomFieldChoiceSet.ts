// Original file: proto/diode/v1/ingester.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface CustomFieldChoiceSet {
  'name'?: (string);
  'description'?: (string);
  'base_choices'?: (string);
  'order_alphabetically'?: (boolean);
  'extra_choices'?: (string)[];
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'choice_colors'?: (string);
  '_description'?: "description";
  '_base_choices'?: "base_choices";
  '_order_alphabetically'?: "order_alphabetically";
  '_owner'?: "owner";
  '_choice_colors'?: "choice_colors";
}

export interface CustomFieldChoiceSet__Output {
  'name'?: (string);
  'description'?: (string);
  'base_choices'?: (string);
  'order_alphabetically'?: (boolean);
  'extra_choices'?: (string)[];
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'choice_colors'?: (string);
  '_description'?: "description";
  '_base_choices'?: "base_choices";
  '_order_alphabetically'?: "order_alphabetically";
  '_owner'?: "owner";
  '_choice_colors'?: "choice_colors";
}
