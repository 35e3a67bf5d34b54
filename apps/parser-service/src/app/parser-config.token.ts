export const PARSER_CONFIG = Symbol('PARSER_CONFIG');
