#!/usr/bin/env node
// The `prongsai` command. TypeScript sources run through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
