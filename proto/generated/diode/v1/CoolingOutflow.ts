// Original file: proto/diode/v1/ingester.proto

import type { Device as _diode_v1_Device, Device__Output as _diode_v1_Device__Output } from '../../diode/v1/Device.ts';
import type { Module as _diode_v1_Module, Module__Output as _diode_v1_Module__Output } from '../../diode/v1/Module.ts';
import type { CoolingIntake as _diode_v1_CoolingIntake, CoolingIntake__Output as _diode_v1_CoolingIntake__Output } from '../../diode/v1/CoolingIntake.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface CoolingOutflow {
  'device'?: (_diode_v1_Device | null);
  'module'?: (_diode_v1_Module | null);
  'name'?: (string);
  'label'?: (string);
  'type'?: (string);
  'diameter'?: (number | string);
  'diameter_unit'?: (string);
  'cooling_intake'?: (_diode_v1_CoolingIntake | null);
  'description'?: (string);
  'owner'?: (_diode_v1_Owner | null);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  '_module'?: "module";
  '_label'?: "label";
  '_type'?: "type";
  '_diameter'?: "diameter";
  '_diameter_unit'?: "diameter_unit";
  '_cooling_intake'?: "cooling_intake";
  '_description'?: "description";
  '_owner'?: "owner";
}

export interface CoolingOutflow__Output {
  'device'?: (_diode_v1_Device__Output);
  'module'?: (_diode_v1_Module__Output);
  'name'?: (string);
  'label'?: (string);
  'type'?: (string);
  'diameter'?: (number);
  'diameter_unit'?: (string);
  'cooling_intake'?: (_diode_v1_CoolingIntake__Output);
  'description'?: (string);
  'owner'?: (_diode_v1_Owner__Output);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  '_module'?: "module";
  '_label'?: "label";
  '_type'?: "type";
  '_diameter'?: "diameter";
  '_diameter_unit'?: "diameter_unit";
  '_cooling_intake'?: "cooling_intake";
  '_description'?: "description";
  '_owner'?: "owner";
}
