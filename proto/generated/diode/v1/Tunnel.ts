// Original file: proto/diode/v1/ingester.proto

import type { TunnelGroup as _diode_v1_TunnelGroup, TunnelGroup__Output as _diode_v1_TunnelGroup__Output } from '../../diode/v1/TunnelGroup.ts';
import type { IPSecProfile as _diode_v1_IPSecProfile, IPSecProfile__Output as _diode_v1_IPSecProfile__Output } from '../../diode/v1/IPSecProfile.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface Tunnel {
  'name'?: (string);
  'status'?: (string);
  'group'?: (_diode_v1_TunnelGroup | null);
  'encapsulation'?: (string);
  'ipsec_profile'?: (_diode_v1_IPSecProfile | null);
  'tenant'?: (_diode_v1_Tenant | null);
  'tunnel_id'?: (number | string | Long);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_group'?: "group";
  '_ipsec_profile'?: "ipsec_profile";
  '_tenant'?: "tenant";
  '_tunnel_id'?: "tunnel_id";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface Tunnel__Output {
  'name'?: (string);
  'status'?: (string);
  'group'?: (_diode_v1_TunnelGroup__Output);
  'encapsulation'?: (string);
  'ipsec_profile'?: (_diode_v1_IPSecProfile__Output);
  'tenant'?: (_diode_v1_Tenant__Output);
  'tunnel_id'?: (number);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_group'?: "group";
  '_ipsec_profile'?: "ipsec_profile";
  '_tenant'?: "tenant";
  '_tunnel_id'?: "tunnel_id";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
