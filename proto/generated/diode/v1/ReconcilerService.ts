// Original file: proto/diode/v1/reconciler.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { RetrieveDeviationByIDRequest as _diode_v1_RetrieveDeviationByIDRequest, RetrieveDeviationByIDRequest__Output as _diode_v1_RetrieveDeviationByIDRequest__Output } from '../../diode/v1/RetrieveDeviationByIDRequest.ts';
import type { RetrieveDeviationByIDResponse as _diode_v1_RetrieveDeviationByIDResponse, RetrieveDeviationByIDResponse__Output as _diode_v1_RetrieveDeviationByIDResponse__Output } from '../../diode/v1/RetrieveDeviationByIDResponse.ts';
import type { RetrieveDeviationsRequest as _diode_v1_RetrieveDeviationsRequest, RetrieveDeviationsRequest__Output as _diode_v1_RetrieveDeviationsRequest__Output } from '../../diode/v1/RetrieveDeviationsRequest.ts';
import type { RetrieveDeviationsResponse as _diode_v1_RetrieveDeviationsResponse, RetrieveDeviationsResponse__Output as _diode_v1_RetrieveDeviationsResponse__Output } from '../../diode/v1/RetrieveDeviationsResponse.ts';
import type { RetrieveIngestionLogsRequest as _diode_v1_RetrieveIngestionLogsRequest, RetrieveIngestionLogsRequest__Output as _diode_v1_RetrieveIngestionLogsRequest__Output } from '../../diode/v1/RetrieveIngestionLogsRequest.ts';
import type { RetrieveIngestionLogsResponse as _diode_v1_RetrieveIngestionLogsResponse, RetrieveIngestionLogsResponse__Output as _diode_v1_RetrieveIngestionLogsResponse__Output } from '../../diode/v1/RetrieveIngestionLogsResponse.ts';

export interface ReconcilerServiceClient extends grpc.Client {
  RetrieveDeviationByID(argument: _diode_v1_RetrieveDeviationByIDRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationByIDResponse__Output>): grpc.ClientUnaryCall;
  RetrieveDeviationByID(argument: _diode_v1_RetrieveDeviationByIDRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationByIDResponse__Output>): grpc.ClientUnaryCall;
  RetrieveDeviationByID(argument: _diode_v1_RetrieveDeviationByIDRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationByIDResponse__Output>): grpc.ClientUnaryCall;
  RetrieveDeviationByID(argument: _diode_v1_RetrieveDeviationByIDRequest, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationByIDResponse__Output>): grpc.ClientUnaryCall;
  retrieveDeviationById(argument: _diode_v1_RetrieveDeviationByIDRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationByIDResponse__Output>): grpc.ClientUnaryCall;
  retrieveDeviationById(argument: _diode_v1_RetrieveDeviationByIDRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationByIDResponse__Output>): grpc.ClientUnaryCall;
  retrieveDeviationById(argument: _diode_v1_RetrieveDeviationByIDRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationByIDResponse__Output>): grpc.ClientUnaryCall;
  retrieveDeviationById(argument: _diode_v1_RetrieveDeviationByIDRequest, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationByIDResponse__Output>): grpc.ClientUnaryCall;
  
  RetrieveDeviations(argument: _diode_v1_RetrieveDeviationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationsResponse__Output>): grpc.ClientUnaryCall;
  RetrieveDeviations(argument: _diode_v1_RetrieveDeviationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationsResponse__Output>): grpc.ClientUnaryCall;
  RetrieveDeviations(argument: _diode_v1_RetrieveDeviationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationsResponse__Output>): grpc.ClientUnaryCall;
  RetrieveDeviations(argument: _diode_v1_RetrieveDeviationsRequest, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationsResponse__Output>): grpc.ClientUnaryCall;
  retrieveDeviations(argument: _diode_v1_RetrieveDeviationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationsResponse__Output>): grpc.ClientUnaryCall;
  retrieveDeviations(argument: _diode_v1_RetrieveDeviationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationsResponse__Output>): grpc.ClientUnaryCall;
  retrieveDeviations(argument: _diode_v1_RetrieveDeviationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationsResponse__Output>): grpc.ClientUnaryCall;
  retrieveDeviations(argument: _diode_v1_RetrieveDeviationsRequest, callback: grpc.requestCallback<_diode_v1_RetrieveDeviationsResponse__Output>): grpc.ClientUnaryCall;
  
  RetrieveIngestionLogs(argument: _diode_v1_RetrieveIngestionLogsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveIngestionLogsResponse__Output>): grpc.ClientUnaryCall;
  RetrieveIngestionLogs(argument: _diode_v1_RetrieveIngestionLogsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_diode_v1_RetrieveIngestionLogsResponse__Output>): grpc.ClientUnaryCall;
  RetrieveIngestionLogs(argument: _diode_v1_RetrieveIngestionLogsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveIngestionLogsResponse__Output>): grpc.ClientUnaryCall;
  RetrieveIngestionLogs(argument: _diode_v1_RetrieveIngestionLogsRequest, callback: grpc.requestCallback<_diode_v1_RetrieveIngestionLogsResponse__Output>): grpc.ClientUnaryCall;
  retrieveIngestionLogs(argument: _diode_v1_RetrieveIngestionLogsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveIngestionLogsResponse__Output>): grpc.ClientUnaryCall;
  retrieveIngestionLogs(argument: _diode_v1_RetrieveIngestionLogsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_diode_v1_RetrieveIngestionLogsResponse__Output>): grpc.ClientUnaryCall;
  retrieveIngestionLogs(argument: _diode_v1_RetrieveIngestionLogsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_diode_v1_RetrieveIngestionLogsResponse__Output>): grpc.ClientUnaryCall;
  retrieveIngestionLogs(argument: _diode_v1_RetrieveIngestionLogsRequest, callback: grpc.requestCallback<_diode_v1_RetrieveIngestionLogsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface ReconcilerServiceHandlers extends grpc.UntypedServiceImplementation {
  RetrieveDeviationByID: grpc.handleUnaryCall<_diode_v1_RetrieveDeviationByIDRequest__Output, _diode_v1_RetrieveDeviationByIDResponse>;
  
  RetrieveDeviations: grpc.handleUnaryCall<_diode_v1_RetrieveDeviationsRequest__Output, _diode_v1_RetrieveDeviationsResponse>;
  
  RetrieveIngestionLogs: grpc.handleUnaryCall<_diode_v1_RetrieveIngestionLogsRequest__Output, _diode_v1_RetrieveIngestionLogsResponse>;
  
}

export interface ReconcilerServiceDefinition extends grpc.ServiceDefinition {
  RetrieveDeviationByID: MethodDefinition<_diode_v1_RetrieveDeviationByIDRequest, _diode_v1_RetrieveDeviationByIDResponse, _diode_v1_RetrieveDeviationByIDRequest__Output, _diode_v1_RetrieveDeviationByIDResponse__Output>
  RetrieveDeviations: MethodDefinition<_diode_v1_RetrieveDeviationsRequest, _diode_v1_RetrieveDeviationsResponse, _diode_v1_RetrieveDeviationsRequest__Output, _diode_v1_RetrieveDeviationsResponse__Output>
  RetrieveIngestionLogs: MethodDefinition<_diode_v1_RetrieveIngestionLogsRequest, _diode_v1_RetrieveIngestionLogsResponse, _diode_v1_RetrieveIngestionLogsRequest__Output, _diode_v1_RetrieveIngestionLogsResponse__Output>
}
