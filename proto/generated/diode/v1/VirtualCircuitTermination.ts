// Original file: proto/diode/v1/ingester.proto

import type { VirtualCircuit as _diode_v1_VirtualCircuit, VirtualCircuit__Output as _diode_v1_VirtualCircuit__Output } from '../../diode/v1/VirtualCircuit.ts';
import type { Interface as _diode_v1_Interface, Interface__Output as _diode_v1_Interface__Output } from '../../diode/v1/Interface.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface VirtualCircuitTermination {
  'virtual_circuit'?: (_diode_v1_VirtualCircuit | null);
  'role'?: (string);
  'interface'?: (_diode_v1_Interface | null);
  'description'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  '_role'?: "role";
  '_description'?: "description";
}

export interface VirtualCircuitTermination__Output {
  'virtual_circuit'?: (_diode_v1_VirtualCircuit__Output);
  'role'?: (string);
  'interface'?: (_diode_v1_Interface__Output);
  'description'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  '_role'?: "role";
  '_description'?: "description";
}
