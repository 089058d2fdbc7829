// Original file: proto/diode/v1/ingester.proto

import type { Interface as _diode_v1_Interface, Interface__Output as _diode_v1_Interface__Output } from '../../diode/v1/Interface.ts';
import type { VMInterface as _diode_v1_VMInterface, VMInterface__Output as _diode_v1_VMInterface__Output } from '../../diode/v1/VMInterface.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface MACAddress {
  'mac_address'?: (string);
  'assigned_object_interface'?: (_diode_v1_Interface | null);
  'assigned_object_vm_interface'?: (_diode_v1_VMInterface | null);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'assigned_object'?: "assigned_object_interface"|"assigned_object_vm_interface";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface MACAddress__Output {
  'mac_address'?: (string);
  'assigned_object_interface'?: (_diode_v1_Interface__Output);
  'assigned_object_vm_interface'?: (_diode_v1_VMInterface__Output);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'assigned_object'?: "assigned_object_interface"|"assigned_object_vm_interface";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
