// Original file: proto/diode/v1/ingester.proto

import type { Device as _diode_v1_Device, Device__Output as _diode_v1_Device__Output } from '../../diode/v1/Device.ts';
import type { Module as _diode_v1_Module, Module__Output as _diode_v1_Module__Output } from '../../diode/v1/Module.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface ConsolePort {
  'device'?: (_diode_v1_Device | null);
  'module'?: (_diode_v1_Module | null);
  'name'?: (string);
  'label'?: (string);
  'type'?: (string);
  'speed'?: (number | string | Long);
  'description'?: (string);
  'mark_connected'?: (boolean);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_module'?: "module";
  '_label'?: "label";
  '_type'?: "type";
  '_speed'?: "speed";
  '_description'?: "description";
  '_mark_connected'?: "mark_connected";
  '_owner'?: "owner";
}

export interface ConsolePort__Output {
  'device'?: (_diode_v1_Device__Output);
  'module'?: (_diode_v1_Module__Output);
  'name'?: (string);
  'label'?: (string);
  'type'?: (string);
  'speed'?: (number);
  'description'?: (string);
  'mark_connected'?: (boolean);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_module'?: "module";
  '_label'?: "label";
  '_type'?: "type";
  '_speed'?: "speed";
  '_description'?: "description";
  '_mark_connected'?: "mark_connected";
  '_owner'?: "owner";
}
