import type { Query } from 'mingo';

/** mingo's options type (its `mingo/types` entry point is not visible to our node10 module resolution). */
export type MingoOptions = NonNullable<ConstructorParameters<typeof Query>[1]>;

/** `$where`/`$function` would run client-supplied JavaScript inside the server: never. */
export const MINGO_OPTIONS: MingoOptions = { scriptEnabled: false };
