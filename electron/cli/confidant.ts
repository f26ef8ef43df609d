#!/usr/bin/env node
// The `confidant` command. Runs on Node ≥ 22.18, which strips the TypeScript types itself.
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
