import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Hands a handler's error to NatsBusServer as it was thrown. Nest's default turns every error into
 * `{status: "error", message: "Internal server error"}`, and the bus must still tell a TransientError
 * (retry until the database is back) from any other failure (retry a few times, then dead-letter).
 */
@Catch()
export class HandlerErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
