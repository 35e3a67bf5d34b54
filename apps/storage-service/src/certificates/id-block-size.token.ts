/** Injection token: how many certificate ids an instance reserves with one counter update (ID_BLOCK_SIZE). */
export const ID_BLOCK_SIZE = Symbol('ID_BLOCK_SIZE');
