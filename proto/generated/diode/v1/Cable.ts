// Original file: proto/diode/v1/ingester.proto

import type { GenericObject as _diode_v1_GenericObject, GenericObject__Output as _diode_v1_GenericObject__Output } from '../../diode/v1/GenericObject.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { CableBundle as _diode_v1_CableBundle, CableBundle__Output as _diode_v1_CableBundle__Output } from '../../diode/v1/CableBundle.ts';

export interface Cable {
  'type'?: (string);
  'a_terminations'?: (_diode_v1_GenericObject)[];
  'b_terminations'?: (_diode_v1_GenericObject)[];
  'status'?: (string);
  'tenant'?: (_diode_v1_Tenant | null);
  'label'?: (string);
  'color'?: (string);
  'length'?: (number | string);
  'length_unit'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'profile'?: (string);
  'owner'?: (_diode_v1_Owner | null);
  'bundle'?: (_diode_v1_CableBundle | null);
  '_type'?: "type";
  '_status'?: "status";
  '_tenant'?: "tenant";
  '_label'?: "label";
  '_color'?: "color";
  '_length'?: "length";
  '_length_unit'?: "length_unit";
  '_description'?: "description";
  '_comments'?: "comments";
  '_profile'?: "profile";
  '_owner'?: "owner";
  '_bundle'?: "bundle";
}

export interface Cable__Output {
  'type'?: (string);
  'a_terminations'?: (_diode_v1_GenericObject__Output)[];
  'b_terminations'?: (_diode_v1_GenericObject__Output)[];
  'status'?: (string);
  'tenant'?: (_diode_v1_Tenant__Output);
  'label'?: (string);
  'color'?: (string);
  'length'?: (number);
  'length_unit'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'profile'?: (string);
  'owner'?: (_diode_v1_Owner__Output);
  'bundle'?: (_diode_v1_CableBundle__Output);
  '_type'?: "type";
  '_status'?: "status";
  '_tenant'?: "tenant";
  '_label'?: "label";
  '_color'?: "color";
  '_length'?: "length";
  '_length_unit'?: "length_unit";
  '_description'?: "description";
  '_comments'?: "comments";
  '_profile'?: "profile";
  '_owner'?: "owner";
  '_bundle'?: "bundle";
}
