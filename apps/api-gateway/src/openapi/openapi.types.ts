/**
 * The part of OpenAPI 3.0.3 (spec.openapis.org/oas/v3.0.3) this gateway's document uses, typed so that a
 * misspelt keyword is a compile error. Written by hand: @nestjs/swagger would need Nest 12.
 */
export interface Reference {
  readonly $ref: string;
}

export type OrRef<T> = T | Reference;

export interface Schema {
  readonly type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  readonly format?: string;
  readonly description?: string;
  readonly enum?: ReadonlyArray<string | number | boolean>;
  readonly default?: unknown;
  readonly example?: unknown;
  readonly nullable?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: OrRef<Schema>;
  readonly properties?: Readonly<Record<string, OrRef<Schema>>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | OrRef<Schema>;
  readonly allOf?: ReadonlyArray<OrRef<Schema>>;
  readonly oneOf?: ReadonlyArray<OrRef<Schema>>;
  readonly xml?: { readonly name?: string; readonly wrapped?: boolean };
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly description?: string;
  readonly required?: boolean;
  readonly schema: OrRef<Schema>;
}

export interface MediaType {
  readonly schema: OrRef<Schema>;
  readonly example?: unknown;
}

export type Content = Readonly<Record<string, MediaType>>;

export interface Header {
  readonly description?: string;
  readonly schema: OrRef<Schema>;
}

export interface Response {
  readonly description: string;
  readonly headers?: Readonly<Record<string, OrRef<Header>>>;
  readonly content?: Content;
}

export interface RequestBody {
  readonly description?: string;
  readonly required?: boolean;
  readonly content: Content;
}

export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface Operation {
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly operationId: string;
  readonly parameters?: ReadonlyArray<OrRef<Parameter>>;
  readonly requestBody?: OrRef<RequestBody>;
  readonly responses: Readonly<Record<string, OrRef<Response>>>;
  readonly security?: readonly SecurityRequirement[];
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

export type PathItem = Readonly<Partial<Record<HttpMethod, Operation>>>;

export interface SecurityScheme {
  readonly type: 'apiKey';
  readonly name: string;
  readonly in: 'header' | 'query';
  readonly description?: string;
}

export interface Tag {
  readonly name: string;
  readonly description?: string;
}

export interface Components {
  readonly schemas?: Readonly<Record<string, OrRef<Schema>>>;
  readonly parameters?: Readonly<Record<string, OrRef<Parameter>>>;
  readonly headers?: Readonly<Record<string, OrRef<Header>>>;
  readonly responses?: Readonly<Record<string, OrRef<Response>>>;
  readonly securitySchemes?: Readonly<Record<string, SecurityScheme>>;
}

export interface OpenApiDocument {
  readonly openapi: '3.0.3';
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly servers?: ReadonlyArray<{ readonly url: string; readonly description?: string }>;
  readonly tags: readonly Tag[];
  readonly paths: Readonly<Record<string, PathItem>>;
  readonly components: Components;
}

/** One API's share of the document: its tag, paths and the components only it uses. */
export interface DocumentSection {
  readonly tag: Tag;
  readonly paths: Readonly<Record<string, PathItem>>;
  readonly components: Components;
}
