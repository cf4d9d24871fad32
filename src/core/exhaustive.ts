// Exhaustiveness: a switch over a closed union ends in `default: return assertNever(x)`, so adding a member
// (a role, a state, an audit entity type) does not compile until every decision over it is made.

/** Unreachable when the switch is exhaustive; at run time (bad data) it fails closed by throwing. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}
