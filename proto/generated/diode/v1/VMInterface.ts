// Original file: proto/diode/v1/ingester.proto

import type { VirtualMachine as _diode_v1_VirtualMachine, VirtualMachine__Output as _diode_v1_VirtualMachine__Output } from '../../diode/v1/VirtualMachine.ts';
import type { VMInterface as _diode_v1_VMInterface, VMInterface__Output as _diode_v1_VMInterface__Output } from '../../diode/v1/VMInterface.ts';
import type { MACAddress as _diode_v1_MACAddress, MACAddress__Output as _diode_v1_MACAddress__Output } from '../../diode/v1/MACAddress.ts';
import type { VLAN as _diode_v1_VLAN, VLAN__Output as _diode_v1_VLAN__Output } from '../../diode/v1/VLAN.ts';
import type { VLANTranslationPolicy as _diode_v1_VLANTranslationPolicy, VLANTranslationPolicy__Output as _diode_v1_VLANTranslationPolicy__Output } from '../../diode/v1/VLANTranslationPolicy.ts';
import type { VRF as _diode_v1_VRF, VRF__Output as _diode_v1_VRF__Output } from '../../diode/v1/VRF.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface VMInterface {
  'virtual_machine'?: (_diode_v1_VirtualMachine | null);
  'name'?: (string);
  'enabled'?: (boolean);
  'parent'?: (_diode_v1_VMInterface | null);
  'bridge'?: (_diode_v1_VMInterface | null);
  'mtu'?: (number | string | Long);
  'primary_mac_address'?: (_diode_v1_MACAddress | null);
  'description'?: (string);
  'mode'?: (string);
  'untagged_vlan'?: (_diode_v1_VLAN | null);
  'qinq_svlan'?: (_diode_v1_VLAN | null);
  'vlan_translation_policy'?: (_diode_v1_VLANTranslationPolicy | null);
  'vrf'?: (_diode_v1_VRF | null);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'tagged_vlans'?: (_diode_v1_VLAN)[];
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'mac_address'?: (string);
  '_enabled'?: "enabled";
  '_parent'?: "parent";
  '_bridge'?: "bridge";
  '_mtu'?: "mtu";
  '_primary_mac_address'?: "primary_mac_address";
  '_description'?: "description";
  '_mode'?: "mode";
  '_untagged_vlan'?: "untagged_vlan";
  '_qinq_svlan'?: "qinq_svlan";
  '_vlan_translation_policy'?: "vlan_translation_policy";
  '_vrf'?: "vrf";
  '_owner'?: "owner";
  '_mac_address'?: "mac_address";
}

export interface VMInterface__Output {
  'virtual_machine'?: (_diode_v1_VirtualMachine__Output);
  'name'?: (string);
  'enabled'?: (boolean);
  'parent'?: (_diode_v1_VMInterface__Output);
  'bridge'?: (_diode_v1_VMInterface__Output);
  'mtu'?: (number);
  'primary_mac_address'?: (_diode_v1_MACAddress__Output);
  'description'?: (string);
  'mode'?: (string);
  'untagged_vlan'?: (_diode_v1_VLAN__Output);
  'qinq_svlan'?: (_diode_v1_VLAN__Output);
  'vlan_translation_policy'?: (_diode_v1_VLANTranslationPolicy__Output);
  'vrf'?: (_diode_v1_VRF__Output);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'tagged_vlans'?: (_diode_v1_VLAN__Output)[];
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'mac_address'?: (string);
  '_enabled'?: "enabled";
  '_parent'?: "parent";
  '_bridge'?: "bridge";
  '_mtu'?: "mtu";
  '_primary_mac_address'?: "primary_mac_address";
  '_description'?: "description";
  '_mode'?: "mode";
  '_untagged_vlan'?: "untagged_vlan";
  '_qinq_svlan'?: "qinq_svlan";
  '_vlan_translation_policy'?: "vlan_translation_policy";
  '_vrf'?: "vrf";
  '_owner'?: "owner";
  '_mac_address'?: "mac_address";
}
