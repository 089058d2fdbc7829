// Original file: proto/diode/v1/ingester.proto

import type { Device as _diode_v1_Device, Device__Output as _diode_v1_Device__Output } from '../../diode/v1/Device.ts';
import type { Module as _diode_v1_Module, Module__Output as _diode_v1_Module__Output } from '../../diode/v1/Module.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { ModuleBayType as _diode_v1_ModuleBayType, ModuleBayType__Output as _diode_v1_ModuleBayType__Output } from '../../diode/v1/ModuleBayType.ts';

export interface ModuleBay {
  'device'?: (_diode_v1_Device | null);
  'module'?: (_diode_v1_Module | null);
  'name'?: (string);
  'installed_module'?: (_diode_v1_Module | null);
  'label'?: (string);
  'position'?: (string);
  'description'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'enabled'?: (boolean);
  'module_bay_types'?: (_diode_v1_ModuleBayType)[];
  '_module'?: "module";
  '_installed_module'?: "installed_module";
  '_label'?: "label";
  '_position'?: "position";
  '_description'?: "description";
  '_owner'?: "owner";
  '_enabled'?: "enabled";
}

export interface ModuleBay__Output {
  'device'?: (_diode_v1_Device__Output);
  'module'?: (_diode_v1_Module__Output);
  'name'?: (string);
  'installed_module'?: (_diode_v1_Module__Output);
  'label'?: (string);
  'position'?: (string);
  'description'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'enabled'?: (boolean);
  'module_bay_types'?: (_diode_v1_ModuleBayType__Output)[];
  '_module'?: "module";
  '_installed_module'?: "installed_module";
  '_label'?: "label";
  '_position'?: "position";
  '_description'?: "description";
  '_owner'?: "owner";
  '_enabled'?: "enabled";
}
