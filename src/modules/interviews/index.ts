// What other modules may use of EIT part 2: the routes.
export { interviewRoutes } from './interviews.routes.ts';
