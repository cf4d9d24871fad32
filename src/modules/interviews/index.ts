// What other modules may use of EIT part 2: nothing yet (its routes are registered from src/modules/index.ts).
export {};
