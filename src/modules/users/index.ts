// What other modules may import from users.
export { usersRoutes } from './users.routes.ts';
