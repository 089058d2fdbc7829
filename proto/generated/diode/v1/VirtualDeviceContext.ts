// Original file: proto/diode/v1/ingester.proto

import type { Device as _diode_v1_Device, Device__Output as _diode_v1_Device__Output } from '../../diode/v1/Device.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { IPAddress as _diode_v1_IPAddress, IPAddress__Output as _diode_v1_IPAddress__Output } from '../../diode/v1/IPAddress.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface VirtualDeviceContext {
  'name'?: (string);
  'device'?: (_diode_v1_Device | null);
  'identifier'?: (number | string | Long);
  'tenant'?: (_diode_v1_Tenant | null);
  'primary_ip4'?: (_diode_v1_IPAddress | null);
  'primary_ip6'?: (_diode_v1_IPAddress | null);
  'status'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_identifier'?: "identifier";
  '_tenant'?: "tenant";
  '_primary_ip4'?: "primary_ip4";
  '_primary_ip6'?: "primary_ip6";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface VirtualDeviceContext__Output {
  'name'?: (string);
  'device'?: (_diode_v1_Device__Output);
  'identifier'?: (number);
  'tenant'?: (_diode_v1_Tenant__Output);
  'primary_ip4'?: (_diode_v1_IPAddress__Output);
  'primary_ip6'?: (_diode_v1_IPAddress__Output);
  'status'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_identifier'?: "identifier";
  '_tenant'?: "tenant";
  '_primary_ip4'?: "primary_ip4";
  '_primary_ip6'?: "primary_ip6";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
