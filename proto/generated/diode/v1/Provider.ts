// Original file: proto/diode/v1/ingester.proto

import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { ProviderAccount as _diode_v1_ProviderAccount, ProviderAccount__Output as _diode_v1_ProviderAccount__Output } from '../../diode/v1/ProviderAccount.ts';
import type { ASN as _diode_v1_ASN, ASN__Output as _diode_v1_ASN__Output } from '../../diode/v1/ASN.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface Provider {
  'name'?: (string);
  'slug'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'accounts'?: (_diode_v1_ProviderAccount)[];
  'asns'?: (_diode_v1_ASN)[];
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface Provider__Output {
  'name'?: (string);
  'slug'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'accounts'?: (_diode_v1_ProviderAccount__Output)[];
  'asns'?: (_diode_v1_ASN__Output)[];
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
