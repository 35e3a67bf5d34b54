import { Subjects } from '@certhub/contracts';
import { NatsHealth } from '@certhub/messaging';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { Response } from 'express';
import { DatabaseProbe } from '../database/database-probe.service';

export interface StorageReadiness {
  readonly ready: boolean;
  readonly nats: boolean;
  readonly mongodb: boolean;
}

@Controller()
export class HealthController {
  constructor(
    private readonly nats: NatsHealth,
    private readonly database: DatabaseProbe,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  ready(@Res({ passthrough: true }) response: Response): StorageReadiness {
    const readiness = this.readiness();
    response.status(readiness.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return readiness;
  }

  /** The gateway asks before publishing, so it can answer 503 at once while MongoDB is unreachable. */
  @MessagePattern(Subjects.rpcHealthStorage)
  readiness(): StorageReadiness {
    const nats = this.nats.isConnected();
    const mongodb = this.database.reachable();
    return { ready: nats && mongodb, nats, mongodb };
  }
}
