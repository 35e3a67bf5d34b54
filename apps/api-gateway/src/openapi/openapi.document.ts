import { ALIBABA_CAS_SECTION } from './alibaba-cas.paths';
import { CERTHUB_SECTION } from './certhub.paths';
import { HUAWEI_APIG_SECTION } from './huawei-apig.paths';
import { HUAWEI_SCM_SECTION } from './huawei-scm.paths';
import type { Components, DocumentSection, OpenApiDocument } from './openapi.types';
import { SHARED_COMPONENTS } from './shared-schemas';
import { RAINBOND_SECTION } from './rainbond.paths';

const SECTIONS: readonly DocumentSection[] = [RAINBOND_SECTION, HUAWEI_APIG_SECTION, HUAWEI_SCM_SECTION, ALIBABA_CAS_SECTION, CERTHUB_SECTION];

const KINDS = ['schemas', 'parameters', 'headers', 'responses', 'securitySchemes'] as const;

/** Components of all sections in one map per kind; a name defined twice is a programming error. */
function mergeComponents(parts: readonly Components[]): Components {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const kind of KINDS) {
    for (const part of parts) {
      for (const [name, value] of Object.entries(part[kind] ?? {})) {
        const target = (merged[kind] ??= {});
        if (Object.hasOwn(target, name)) throw new Error(`OpenAPI component ${kind}/${name} is defined twice.`);
        target[name] = value;
      }
    }
  }
  return merged as Components;
}

/** The gateway's four HTTP dialects and its own endpoints, served at GET /openapi.json. */
export const OPENAPI_DOCUMENT: OpenApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'certhub API gateway',
    version: '0.1.0',
    description:
      'Four cloud certificate APIs on one certificate store: Rainbond, Huawei APIG, Huawei SCM and Alibaba CAS. ' +
      "Each answers errors in its own documented body; docs/dialects/*.md give every code's origin.",
  },
  tags: SECTIONS.map((section) => section.tag),
  paths: Object.assign({}, ...SECTIONS.map((section) => section.paths)),
  components: mergeComponents([SHARED_COMPONENTS, ...SECTIONS.map((section) => section.components)]),
};
