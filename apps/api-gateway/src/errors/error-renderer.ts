import type { Request } from 'express';
import type { GatewayError } from './gateway-error';

export interface RenderedError {
  readonly status: number;
  readonly body: unknown;
  /** Defaults to application/json. */
  readonly contentType?: string;
}

/** Each dialect renders the shared error catalogue in its own documented body. */
export type ErrorRenderer = (error: GatewayError, request: Request, requestId: string) => RenderedError;
