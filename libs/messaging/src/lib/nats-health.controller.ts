import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NatsHealth } from './nats-health';

/** Liveness and readiness for a service whose only dependency is NATS (the gateway, the parser). */
@Controller('health')
export class NatsHealthController {
  constructor(private readonly nats: NatsHealth) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(@Res({ passthrough: true }) response: Response): { ready: boolean; nats: boolean } {
    const nats = this.nats.isConnected();
    response.status(nats ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { ready: nats, nats };
  }
}
