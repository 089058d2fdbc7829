// Original file: proto/diode/v1/ingester.proto

import type { CircuitGroup as _diode_v1_CircuitGroup, CircuitGroup__Output as _diode_v1_CircuitGroup__Output } from '../../diode/v1/CircuitGroup.ts';
import type { Circuit as _diode_v1_Circuit, Circuit__Output as _diode_v1_Circuit__Output } from '../../diode/v1/Circuit.ts';
import type { VirtualCircuit as _diode_v1_VirtualCircuit, VirtualCircuit__Output as _diode_v1_VirtualCircuit__Output } from '../../diode/v1/VirtualCircuit.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface CircuitGroupAssignment {
  'group'?: (_diode_v1_CircuitGroup | null);
  'member_circuit'?: (_diode_v1_Circuit | null);
  'member_virtual_circuit'?: (_diode_v1_VirtualCircuit | null);
  'priority'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'metadata'?: (_google_protobuf_Struct | null);
  'member'?: "member_circuit"|"member_virtual_circuit";
  '_priority'?: "priority";
}

export interface CircuitGroupAssignment__Output {
  'group'?: (_diode_v1_CircuitGroup__Output);
  'member_circuit'?: (_diode_v1_Circuit__Output);
  'member_virtual_circuit'?: (_diode_v1_VirtualCircuit__Output);
  'priority'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'metadata'?: (_google_protobuf_Struct__Output);
  'member'?: "member_circuit"|"member_virtual_circuit";
  '_priority'?: "priority";
}
