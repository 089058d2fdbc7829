// Original file: proto/diode/v1/ingester.proto

import type { Interface as _diode_v1_Interface, Interface__Output as _diode_v1_Interface__Output } from '../../diode/v1/Interface.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface WirelessLink {
  'interface_a'?: (_diode_v1_Interface | null);
  'interface_b'?: (_diode_v1_Interface | null);
  'ssid'?: (string);
  'status'?: (string);
  'tenant'?: (_diode_v1_Tenant | null);
  'auth_type'?: (string);
  'auth_cipher'?: (string);
  'auth_psk'?: (string);
  'distance'?: (number | string);
  'distance_unit'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_ssid'?: "ssid";
  '_status'?: "status";
  '_tenant'?: "tenant";
  '_auth_type'?: "auth_type";
  '_auth_cipher'?: "auth_cipher";
  '_auth_psk'?: "auth_psk";
  '_distance'?: "distance";
  '_distance_unit'?: "distance_unit";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface WirelessLink__Output {
  'interface_a'?: (_diode_v1_Interface__Output);
  'interface_b'?: (_diode_v1_Interface__Output);
  'ssid'?: (string);
  'status'?: (string);
  'tenant'?: (_diode_v1_Tenant__Output);
  'auth_type'?: (string);
  'auth_cipher'?: (string);
  'auth_psk'?: (string);
  'distance'?: (number);
  'distance_unit'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_ssid'?: "ssid";
  '_status'?: "status";
  '_tenant'?: "tenant";
  '_auth_type'?: "auth_type";
  '_auth_cipher'?: "auth_cipher";
  '_auth_psk'?: "auth_psk";
  '_distance'?: "distance";
  '_distance_unit'?: "distance_unit";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
