// Original file: proto/diode/v1/ingester.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface CustomLink {
  'name'?: (string);
  'enabled'?: (boolean);
  'link_text'?: (string);
  'link_url'?: (string);
  'weight'?: (number | string | Long);
  'group_name'?: (string);
  'button_class'?: (string);
  'new_window'?: (boolean);
  'object_types'?: (string)[];
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_enabled'?: "enabled";
  '_weight'?: "weight";
  '_group_name'?: "group_name";
  '_button_class'?: "button_class";
  '_new_window'?: "new_window";
  '_owner'?: "owner";
}

export interface CustomLink__Output {
  'name'?: (string);
  'enabled'?: (boolean);
  'link_text'?: (string);
  'link_url'?: (string);
  'weight'?: (number);
  'group_name'?: (string);
  'button_class'?: (string);
  'new_window'?: (boolean);
  'object_types'?: (string)[];
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_enabled'?: "enabled";
  '_weight'?: "weight";
  '_group_name'?: "group_name";
  '_button_class'?: "button_class";
  '_new_window'?: "new_window";
  '_owner'?: "owner";
}
