// Original file: proto/diode/v1/ingester.proto

import type { RIR as _diode_v1_RIR, RIR__Output as _diode_v1_RIR__Output } from '../../diode/v1/RIR.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Site as _diode_v1_Site, Site__Output as _diode_v1_Site__Output } from '../../diode/v1/Site.ts';
import type { Role as _diode_v1_Role, Role__Output as _diode_v1_Role__Output } from '../../diode/v1/Role.ts';
import type { Long } from '@grpc/proto-loader';

export interface ASN {
  'asn'?: (number | string | Long);
  'rir'?: (_diode_v1_RIR | null);
  'tenant'?: (_diode_v1_Tenant | null);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'sites'?: (_diode_v1_Site)[];
  'role'?: (_diode_v1_Role | null);
  '_rir'?: "rir";
  '_tenant'?: "tenant";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
  '_role'?: "role";
}

export interface ASN__Output {
  'asn'?: (number);
  'rir'?: (_diode_v1_RIR__Output);
  'tenant'?: (_diode_v1_Tenant__Output);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'sites'?: (_diode_v1_Site__Output)[];
  'role'?: (_diode_v1_Role__Output);
  '_rir'?: "rir";
  '_tenant'?: "tenant";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
  '_role'?: "role";
}
