// Original file: proto/diode/v1/ingester.proto

import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { IPSecProposal as _diode_v1_IPSecProposal, IPSecProposal__Output as _diode_v1_IPSecProposal__Output } from '../../diode/v1/IPSecProposal.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface IPSecPolicy {
  'name'?: (string);
  'description'?: (string);
  'pfs_group'?: (number | string | Long);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'proposals'?: (_diode_v1_IPSecProposal)[];
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_description'?: "description";
  '_pfs_group'?: "pfs_group";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface IPSecPolicy__Output {
  'name'?: (string);
  'description'?: (string);
  'pfs_group'?: (number);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'proposals'?: (_diode_v1_IPSecProposal__Output)[];
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_description'?: "description";
  '_pfs_group'?: "pfs_group";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
