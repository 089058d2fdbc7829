// Original file: proto/diode/v1/ingester.proto

import type { Cable as _diode_v1_Cable, Cable__Output as _diode_v1_Cable__Output } from '../../diode/v1/Cable.ts';
import type { CircuitTermination as _diode_v1_CircuitTermination, CircuitTermination__Output as _diode_v1_CircuitTermination__Output } from '../../diode/v1/CircuitTermination.ts';
import type { ConsolePort as _diode_v1_ConsolePort, ConsolePort__Output as _diode_v1_ConsolePort__Output } from '../../diode/v1/ConsolePort.ts';
import type { ConsoleServerPort as _diode_v1_ConsoleServerPort, ConsoleServerPort__Output as _diode_v1_ConsoleServerPort__Output } from '../../diode/v1/ConsoleServerPort.ts';
import type { FrontPort as _diode_v1_FrontPort, FrontPort__Output as _diode_v1_FrontPort__Output } from '../../diode/v1/FrontPort.ts';
import type { Interface as _diode_v1_Interface, Interface__Output as _diode_v1_Interface__Output } from '../../diode/v1/Interface.ts';
import type { PowerFeed as _diode_v1_PowerFeed, PowerFeed__Output as _diode_v1_PowerFeed__Output } from '../../diode/v1/PowerFeed.ts';
import type { PowerOutlet as _diode_v1_PowerOutlet, PowerOutlet__Output as _diode_v1_PowerOutlet__Output } from '../../diode/v1/PowerOutlet.ts';
import type { PowerPort as _diode_v1_PowerPort, PowerPort__Output as _diode_v1_PowerPort__Output } from '../../diode/v1/PowerPort.ts';
import type { RearPort as _diode_v1_RearPort, RearPort__Output as _diode_v1_RearPort__Output } from '../../diode/v1/RearPort.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface CableTermination {
  'cable'?: (_diode_v1_Cable | null);
  'cable_end'?: (string);
  'termination_circuit_termination'?: (_diode_v1_CircuitTermination | null);
  'termination_console_port'?: (_diode_v1_ConsolePort | null);
  'termination_console_server_port'?: (_diode_v1_ConsoleServerPort | null);
  'termination_front_port'?: (_diode_v1_FrontPort | null);
  'termination_interface'?: (_diode_v1_Interface | null);
  'termination_power_feed'?: (_diode_v1_PowerFeed | null);
  'termination_power_outlet'?: (_diode_v1_PowerOutlet | null);
  'termination_power_port'?: (_diode_v1_PowerPort | null);
  'termination_rear_port'?: (_diode_v1_RearPort | null);
  'metadata'?: (_google_protobuf_Struct | null);
  'termination'?: "termination_circuit_termination"|"termination_console_port"|"termination_console_server_port"|"termination_front_port"|"termination_interface"|"termination_power_feed"|"termination_power_outlet"|"termination_power_port"|"termination_rear_port";
}

export interface CableTermination__Output {
  'cable'?: (_diode_v1_Cable__Output);
  'cable_end'?: (string);
  'termination_circuit_termination'?: (_diode_v1_CircuitTermination__Output);
  'termination_console_port'?: (_diode_v1_ConsolePort__Output);
  'termination_console_server_port'?: (_diode_v1_ConsoleServerPort__Output);
  'termination_front_port'?: (_diode_v1_FrontPort__Output);
  'termination_interface'?: (_diode_v1_Interface__Output);
  'termination_power_feed'?: (_diode_v1_PowerFeed__Output);
  'termination_power_outlet'?: (_diode_v1_PowerOutlet__Output);
  'termination_power_port'?: (_diode_v1_PowerPort__Output);
  'termination_rear_port'?: (_diode_v1_RearPort__Output);
  'metadata'?: (_google_protobuf_Struct__Output);
  'termination'?: "termination_circuit_termination"|"termination_console_port"|"termination_console_server_port"|"termination_front_port"|"termination_interface"|"termination_power_feed"|"termination_power_outlet"|"termination_power_port"|"termination_rear_port";
}
