import { loadGatewayConfig } from '@certhub/config';
import { NATS_CONNECTION } from '@certhub/messaging';
import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { NatsConnection } from 'nats';
import { GatewayModule } from '../app/gateway.module';
import { OPENAPI_DOCUMENT } from './openapi.document';

/**
 * The document against the routes the gateway really serves: the application is built from GatewayModule as
 * main.ts builds it, and its routes are read from the Express router it registered them in. A route added
 * anywhere (a new controller, a module's own controller such as /metrics) and not documented fails here,
 * with no list of controllers to keep up to date.
 */

/** Enough of a NATS connection for the gateway to start without a server: nothing is published here. */
const offlineNats = {
  subscribe: () => ({ unsubscribe: () => undefined }),
  jetstream: () => ({}),
  jetstreamManager: async () => ({}),
  // No status changes ever: an iterator that ends at once.
  status: () => [][Symbol.iterator](),
  isClosed: () => true,
  drain: async () => undefined,
} as unknown as NatsConnection;

interface RouterLayer {
  readonly route?: { readonly path: string; readonly methods: Readonly<Record<string, boolean>> };
}

let app: INestApplication;
beforeAll(async () => {
  const config = loadGatewayConfig({ NATS_CREDS: '/dev/null', LOG_LEVEL: 'error' });
  const moduleRef = await Test.createTestingModule({ imports: [GatewayModule.forRoot(config)] })
    .overrideProvider(NATS_CONNECTION)
    .useValue(offlineNats)
    .compile();
  app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  await app.init();
});
afterAll(async () => app?.close());

/** `get /a/{b}` for every route in the running application's Express router. */
function servedRoutes(): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((method) => layer.route?.methods[method])
          .map((method) => `${method} ${openApiPath(layer.route?.path ?? '')}`)
      : [],
  );
}

function openApiPath(expressPath: string): string {
  return expressPath.replace(/(.)\/$/, '$1').replace(/:([A-Za-z_]+)/g, '{$1}');
}

function documentedRoutes(): string[] {
  return Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
}

/** Every controller of every module the application was built from. */
function controllers(): Type<unknown>[] {
  return [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()].map((wrapper) => wrapper.metatype as Type<unknown>));
}

/** `get /a/{b} 200` for each handler of a controller, the status from @HttpCode (Nest's default otherwise). */
function handlerStatuses(controller: Type<unknown>): string[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const handler = prototype[name];
    const method: RequestMethod | undefined = name === 'constructor' ? undefined : Reflect.getMetadata(METHOD_METADATA, handler as object);
    if (method === undefined) return [];
    const path = openApiPath(`/${[base, String(Reflect.getMetadata(PATH_METADATA, handler as object))].join('/')}`.replace(/\/+/g, '/'));
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, handler as object) ?? (method === RequestMethod.POST ? 201 : 200);
    return [`${RequestMethod[method].toLowerCase()} ${path} ${status}`];
  });
}

describe('OpenAPI document: the routes are exactly the running application\'s routes', () => {
  it('documents every route the router serves, and nothing it does not serve', () => {
    const served = [...new Set(servedRoutes())].sort();
    expect(served).toEqual(expect.arrayContaining(['get /certhub/v1/tenants/{tenant_id}/certificates', 'get /metrics', 'get /openapi.json']));
    expect(documentedRoutes().sort()).toEqual(served);
  });

  it('documents, as its success status, the status each handler answers with', () => {
    const documented = Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => `${method} ${path} ${Object.keys(operation.responses).find((status) => status.startsWith('2'))}`),
    );
    expect(documented.sort()).toEqual(controllers().flatMap(handlerStatuses).sort());
  });
});
