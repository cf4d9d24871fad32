export * from './agencies.ts';
export * from './audit.ts';
export * from './frameworks.ts';
export * from './oit.ts';
export * from './otp.ts';
export * from './reference.ts';
export * from './surveys.ts';
export * from './users.ts';
