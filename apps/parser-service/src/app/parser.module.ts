import type { ParserConfig } from '@certhub/config';
import { MessagingModule, NatsHealthController, serviceMessaging } from '@certhub/messaging';
import { MetricsModule } from '@certhub/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { CommandHandler } from '../commands/command.handler';
import { CommandsController } from '../commands/commands.controller';
import { DryRunController } from '../dry-run/dry-run.controller';
import { InspectionService } from '../inspection/inspection.service';
import { ParserMetrics } from '../metrics/parser-metrics.service';
import { PARSER_CONFIG } from './parser-config.token';

@Module({})
export class ParserModule {
  static forRoot(config: ParserConfig): DynamicModule {
    return {
      module: ParserModule,
      imports: [MessagingModule.forRoot(serviceMessaging(config.nats, 'parser', 'parser-service')), MetricsModule.forRoot('parser-service')],
      controllers: [NatsHealthController, CommandsController, DryRunController],
      providers: [{ provide: PARSER_CONFIG, useValue: config }, CommandHandler, InspectionService, ParserMetrics],
    };
  }
}
