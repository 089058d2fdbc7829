// Original file: proto/diode/v1/ingester.proto

import type { VRF as _diode_v1_VRF, VRF__Output as _diode_v1_VRF__Output } from '../../diode/v1/VRF.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { FHRPGroup as _diode_v1_FHRPGroup, FHRPGroup__Output as _diode_v1_FHRPGroup__Output } from '../../diode/v1/FHRPGroup.ts';
import type { Interface as _diode_v1_Interface, Interface__Output as _diode_v1_Interface__Output } from '../../diode/v1/Interface.ts';
import type { VMInterface as _diode_v1_VMInterface, VMInterface__Output as _diode_v1_VMInterface__Output } from '../../diode/v1/VMInterface.ts';
import type { IPAddress as _diode_v1_IPAddress, IPAddress__Output as _diode_v1_IPAddress__Output } from '../../diode/v1/IPAddress.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface IPAddress {
  'address'?: (string);
  'vrf'?: (_diode_v1_VRF | null);
  'tenant'?: (_diode_v1_Tenant | null);
  'status'?: (string);
  'role'?: (string);
  'assigned_object_fhrp_group'?: (_diode_v1_FHRPGroup | null);
  'assigned_object_interface'?: (_diode_v1_Interface | null);
  'assigned_object_vm_interface'?: (_diode_v1_VMInterface | null);
  'nat_inside'?: (_diode_v1_IPAddress | null);
  'dns_name'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'assigned_object'?: "assigned_object_fhrp_group"|"assigned_object_interface"|"assigned_object_vm_interface";
  '_vrf'?: "vrf";
  '_tenant'?: "tenant";
  '_status'?: "status";
  '_role'?: "role";
  '_nat_inside'?: "nat_inside";
  '_dns_name'?: "dns_name";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface IPAddress__Output {
  'address'?: (string);
  'vrf'?: (_diode_v1_VRF__Output);
  'tenant'?: (_diode_v1_Tenant__Output);
  'status'?: (string);
  'role'?: (string);
  'assigned_object_fhrp_group'?: (_diode_v1_FHRPGroup__Output);
  'assigned_object_interface'?: (_diode_v1_Interface__Output);
  'assigned_object_vm_interface'?: (_diode_v1_VMInterface__Output);
  'nat_inside'?: (_diode_v1_IPAddress__Output);
  'dns_name'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'assigned_object'?: "assigned_object_fhrp_group"|"assigned_object_interface"|"assigned_object_vm_interface";
  '_vrf'?: "vrf";
  '_tenant'?: "tenant";
  '_status'?: "status";
  '_role'?: "role";
  '_nat_inside'?: "nat_inside";
  '_dns_name'?: "dns_name";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
