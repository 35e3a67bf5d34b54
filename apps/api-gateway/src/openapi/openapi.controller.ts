import { Controller, Get } from '@nestjs/common';
import { OPENAPI_DOCUMENT } from './openapi.document';
import type { OpenApiDocument } from './openapi.types';

/** GET /openapi.json: the document, as built at start-up. */
@Controller()
export class OpenApiController {
  @Get('openapi.json')
  document(): OpenApiDocument {
    return OPENAPI_DOCUMENT;
  }
}
