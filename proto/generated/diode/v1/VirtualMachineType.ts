// Original file: proto/diode/v1/ingester.proto

import type { Platform as _diode_v1_Platform, Platform__Output as _diode_v1_Platform__Output } from '../../diode/v1/Platform.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Long } from '@grpc/proto-loader';

export interface VirtualMachineType {
  'name'?: (string);
  'slug'?: (string);
  'default_platform'?: (_diode_v1_Platform | null);
  'default_vcpus'?: (number | string);
  'default_memory'?: (number | string | Long);
  'description'?: (string);
  'owner'?: (_diode_v1_Owner | null);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  '_default_platform'?: "default_platform";
  '_default_vcpus'?: "default_vcpus";
  '_default_memory'?: "default_memory";
  '_description'?: "description";
  '_owner'?: "owner";
  '_comments'?: "comments";
}

export interface VirtualMachineType__Output {
  'name'?: (string);
  'slug'?: (string);
  'default_platform'?: (_diode_v1_Platform__Output);
  'default_vcpus'?: (number);
  'default_memory'?: (number);
  'description'?: (string);
  'owner'?: (_diode_v1_Owner__Output);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  '_default_platform'?: "default_platform";
  '_default_vcpus'?: "default_vcpus";
  '_default_memory'?: "default_memory";
  '_description'?: "description";
  '_owner'?: "owner";
  '_comments'?: "comments";
}
