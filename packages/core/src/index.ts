export * from './runner';
export * from './errors';
export * from './clock';
export * from './inputs';
export * from './retry';
export * from './http';
export * from './secrets';
export * from './summary';
