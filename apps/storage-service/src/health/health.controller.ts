import { Subjects } from '@certhub/contracts';
import { NatsHealth } from '@certhub/messaging';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { InjectConnection } from '@nestjs/mongoose';
import type { Response } from 'express';
import { ConnectionStates, type Connection } from 'mongoose';

export interface StorageReadiness {
  readonly ready: boolean;
  readonly nats: boolean;
  readonly mongodb: boolean;
}

@Controller()
export class HealthController {
  constructor(
    private readonly nats: NatsHealth,
    @InjectConnection() private readonly mongo: Connection,
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
    const mongodb = this.mongo.readyState === ConnectionStates.connected;
    return { ready: nats && mongodb, nats, mongodb };
  }
}
