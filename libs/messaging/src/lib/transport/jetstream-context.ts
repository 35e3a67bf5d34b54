import { BaseRpcContext } from '@nestjs/microservices';
import type { JsMsg } from 'nats';

/** Which stream message a handler is working on: names it for outcome message ids and logs. */
export interface StreamDelivery {
  readonly stream: string;
  readonly sequence: number;
}

/** `@Ctx()` of a `@DurableEventPattern` handler. */
export class JetStreamContext extends BaseRpcContext<[JsMsg]> {
  getMessage(): JsMsg {
    return this.args[0];
  }

  delivery(): StreamDelivery {
    const { info } = this.getMessage();
    return { stream: info.stream, sequence: info.streamSequence };
  }
}
