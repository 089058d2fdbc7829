// Original file: proto/diode/v1/ingester.proto

import type { ContactGroup as _diode_v1_ContactGroup, ContactGroup__Output as _diode_v1_ContactGroup__Output } from '../../diode/v1/ContactGroup.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface Contact {
  'group'?: (_diode_v1_ContactGroup | null);
  'name'?: (string);
  'title'?: (string);
  'phone'?: (string);
  'email'?: (string);
  'address'?: (string);
  'link'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'groups'?: (_diode_v1_ContactGroup)[];
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_group'?: "group";
  '_title'?: "title";
  '_phone'?: "phone";
  '_email'?: "email";
  '_address'?: "address";
  '_link'?: "link";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface Contact__Output {
  'group'?: (_diode_v1_ContactGroup__Output);
  'name'?: (string);
  'title'?: (string);
  'phone'?: (string);
  'email'?: (string);
  'address'?: (string);
  'link'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'groups'?: (_diode_v1_ContactGroup__Output)[];
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_group'?: "group";
  '_title'?: "title";
  '_phone'?: "phone";
  '_email'?: "email";
  '_address'?: "address";
  '_link'?: "link";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
