// Original file: proto/diode/v1/ingester.proto

import type { Device as _diode_v1_Device, Device__Output as _diode_v1_Device__Output } from '../../diode/v1/Device.ts';
import type { VirtualMachine as _diode_v1_VirtualMachine, VirtualMachine__Output as _diode_v1_VirtualMachine__Output } from '../../diode/v1/VirtualMachine.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { IPAddress as _diode_v1_IPAddress, IPAddress__Output as _diode_v1_IPAddress__Output } from '../../diode/v1/IPAddress.ts';
import type { FHRPGroup as _diode_v1_FHRPGroup, FHRPGroup__Output as _diode_v1_FHRPGroup__Output } from '../../diode/v1/FHRPGroup.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface Service {
  'device'?: (_diode_v1_Device | null);
  'virtual_machine'?: (_diode_v1_VirtualMachine | null);
  'name'?: (string);
  'protocol'?: (string);
  'ports'?: (number | string | Long)[];
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'ipaddresses'?: (_diode_v1_IPAddress)[];
  'parent_object_device'?: (_diode_v1_Device | null);
  'parent_object_fhrp_group'?: (_diode_v1_FHRPGroup | null);
  'parent_object_virtual_machine'?: (_diode_v1_VirtualMachine | null);
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'port_mappings'?: (string)[];
  'parent_object'?: "parent_object_device"|"parent_object_fhrp_group"|"parent_object_virtual_machine";
  '_device'?: "device";
  '_virtual_machine'?: "virtual_machine";
  '_protocol'?: "protocol";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface Service__Output {
  'device'?: (_diode_v1_Device__Output);
  'virtual_machine'?: (_diode_v1_VirtualMachine__Output);
  'name'?: (string);
  'protocol'?: (string);
  'ports'?: (number)[];
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'ipaddresses'?: (_diode_v1_IPAddress__Output)[];
  'parent_object_device'?: (_diode_v1_Device__Output);
  'parent_object_fhrp_group'?: (_diode_v1_FHRPGroup__Output);
  'parent_object_virtual_machine'?: (_diode_v1_VirtualMachine__Output);
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'port_mappings'?: (string)[];
  'parent_object'?: "parent_object_device"|"parent_object_fhrp_group"|"parent_object_virtual_machine";
  '_device'?: "device";
  '_virtual_machine'?: "virtual_machine";
  '_protocol'?: "protocol";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
