import type { ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { ImportContext } from './import-context.decorator';
import { attachedRequestId, attachRequestId, attachTenant, importContextOf } from './request-context';

const newRequest = () => ({}) as Request;

/** The function Nest calls for `@ImportContext()`, taken from the route metadata the decorator writes. */
function importContextFactory(): (data: unknown, context: ExecutionContext) => unknown {
  class Probe {
    handler(@ImportContext() context: unknown): unknown {
      return context;
    }
  }
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handler') as Record<string, { factory: (data: unknown, context: ExecutionContext) => unknown }>;
  return Object.values(args)[0]?.factory as (data: unknown, context: ExecutionContext) => unknown;
}

describe('the request context', () => {
  it('hands a handler the request id and the tenant its guard proved', () => {
    const request = newRequest();
    attachRequestId(request, 'req-1');
    attachTenant(request, 'tenant-a');
    const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
    expect(importContextFactory()(undefined, context)).toEqual({ tenantId: 'tenant-a', requestId: 'req-1' });
  });

  it('keeps each request its own', () => {
    const [a, b] = [newRequest(), newRequest()];
    attachRequestId(a, 'req-a');
    attachRequestId(b, 'req-b');
    attachTenant(a, 'tenant-a');
    attachTenant(b, 'tenant-b');
    expect([importContextOf(a), importContextOf(b)]).toEqual([
      { tenantId: 'tenant-a', requestId: 'req-a' },
      { tenantId: 'tenant-b', requestId: 'req-b' },
    ]);
  });

  it('knows no request id for a request the middleware never saw (the filter then makes one up)', () => {
    expect(attachedRequestId(newRequest())).toBeUndefined();
  });

  it('refuses to make up a tenant for a route without a guard', () => {
    const request = newRequest();
    attachRequestId(request, 'req-1');
    expect(() => importContextOf(request)).toThrow(/no authentication guard/);
  });
});
