// Original file: proto/diode/v1/ingester.proto

import type { VirtualMachine as _diode_v1_VirtualMachine, VirtualMachine__Output as _diode_v1_VirtualMachine__Output } from '../../diode/v1/VirtualMachine.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface VirtualDisk {
  'virtual_machine'?: (_diode_v1_VirtualMachine | null);
  'name'?: (string);
  'description'?: (string);
  'size'?: (number | string | Long);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_description'?: "description";
  '_owner'?: "owner";
}

export interface VirtualDisk__Output {
  'virtual_machine'?: (_diode_v1_VirtualMachine__Output);
  'name'?: (string);
  'description'?: (string);
  'size'?: (number);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_description'?: "description";
  '_owner'?: "owner";
}
