// Original file: proto/diode/v1/ingester.proto

import type { IKEPolicy as _diode_v1_IKEPolicy, IKEPolicy__Output as _diode_v1_IKEPolicy__Output } from '../../diode/v1/IKEPolicy.ts';
import type { IPSecPolicy as _diode_v1_IPSecPolicy, IPSecPolicy__Output as _diode_v1_IPSecPolicy__Output } from '../../diode/v1/IPSecPolicy.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface IPSecProfile {
  'name'?: (string);
  'description'?: (string);
  'mode'?: (string);
  'ike_policy'?: (_diode_v1_IKEPolicy | null);
  'ipsec_policy'?: (_diode_v1_IPSecPolicy | null);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface IPSecProfile__Output {
  'name'?: (string);
  'description'?: (string);
  'mode'?: (string);
  'ike_policy'?: (_diode_v1_IKEPolicy__Output);
  'ipsec_policy'?: (_diode_v1_IPSecPolicy__Output);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
