// Original file: proto/diode/v1/ingester.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { IngestRequest as _diode_v1_IngestRequest, IngestRequest__Output as _diode_v1_IngestRequest__Output } from '../../diode/v1/IngestRequest.ts';
import type { IngestResponse as _diode_v1_IngestResponse, IngestResponse__Output as _diode_v1_IngestResponse__Output } from '../../diode/v1/IngestResponse.ts';

export interface IngesterServiceClient extends grpc.Client {
  Ingest(argument: _diode_v1_IngestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_IngestResponse__Output>): grpc.ClientUnaryCall;
  Ingest(argument: _diode_v1_IngestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_diode_v1_IngestResponse__Output>): grpc.ClientUnaryCall;
  Ingest(argument: _diode_v1_IngestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_IngestResponse__Output>): grpc.ClientUnaryCall;
  Ingest(argument: _diode_v1_IngestRequest, callback: grpc.requestCallback<_diode_v1_IngestResponse__Output>): grpc.ClientUnaryCall;
  ingest(argument: _diode_v1_IngestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_IngestResponse__Output>): grpc.ClientUnaryCall;
  ingest(argument: _diode_v1_IngestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_diode_v1_IngestResponse__Output>): grpc.ClientUnaryCall;
  ingest(argument: _diode_v1_IngestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_IngestResponse__Output>): grpc.ClientUnaryCall;
  ingest(argument: _diode_v1_IngestRequest, callback: grpc.requestCallback<_diode_v1_IngestResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface IngesterServiceHandlers extends grpc.UntypedServiceImplementation {
  Ingest: grpc.handleUnaryCall<_diode_v1_IngestRequest__Output, _diode_v1_IngestResponse>;
  
}

export interface IngesterServiceDefinition extends grpc.ServiceDefinition {
  Ingest: MethodDefinition<_diode_v1_IngestRequest, _diode_v1_IngestResponse, _diode_v1_IngestRequest__Output, _diode_v1_IngestResponse__Output>
}
