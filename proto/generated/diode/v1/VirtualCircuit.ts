// Original file: proto/diode/v1/ingester.proto

import type { ProviderNetwork as _diode_v1_ProviderNetwork, ProviderNetwork__Output as _diode_v1_ProviderNetwork__Output } from '../../diode/v1/ProviderNetwork.ts';
import type { ProviderAccount as _diode_v1_ProviderAccount, ProviderAccount__Output as _diode_v1_ProviderAccount__Output } from '../../diode/v1/ProviderAccount.ts';
import type { VirtualCircuitType as _diode_v1_VirtualCircuitType, VirtualCircuitType__Output as _diode_v1_VirtualCircuitType__Output } from '../../diode/v1/VirtualCircuitType.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface VirtualCircuit {
  'cid'?: (string);
  'provider_network'?: (_diode_v1_ProviderNetwork | null);
  'provider_account'?: (_diode_v1_ProviderAccount | null);
  'type'?: (_diode_v1_VirtualCircuitType | null);
  'status'?: (string);
  'tenant'?: (_diode_v1_Tenant | null);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_provider_account'?: "provider_account";
  '_status'?: "status";
  '_tenant'?: "tenant";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface VirtualCircuit__Output {
  'cid'?: (string);
  'provider_network'?: (_diode_v1_ProviderNetwork__Output);
  'provider_account'?: (_diode_v1_ProviderAccount__Output);
  'type'?: (_diode_v1_VirtualCircuitType__Output);
  'status'?: (string);
  'tenant'?: (_diode_v1_Tenant__Output);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_provider_account'?: "provider_account";
  '_status'?: "status";
  '_tenant'?: "tenant";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
