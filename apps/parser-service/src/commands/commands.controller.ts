import { Consumers, deadLetterSubject, Streams } from '@certhub/contracts';
import { DurableEventPattern, JetStreamContext } from '@certhub/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CommandHandler } from './command.handler';
import { decodeCommand, type DecodedCommand } from './command.decoder';

/** `certificate.create` / `certificate.update` from the durable `parser-service` consumer. */
@Controller()
export class CommandsController {
  constructor(private readonly handler: CommandHandler) {}

  @DurableEventPattern<DecodedCommand>(Streams.commands.name, {
    durable: Consumers.parser,
    deadLetterSubject: deadLetterSubject('parser'),
    decode: (data, subject) => decodeCommand(subject, data),
  })
  handle(@Payload() command: DecodedCommand, @Ctx() context: JetStreamContext): Promise<void> {
    return this.handler.handle(command, context.delivery());
  }
}
