import { Global, Module } from '@nestjs/common';
import { DatabaseProbe } from './database-probe.service';

/** What storage knows about its database's health; global so health and metrics can ask without wiring. */
@Global()
@Module({ providers: [DatabaseProbe], exports: [DatabaseProbe] })
export class DatabaseModule {}
