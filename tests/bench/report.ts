/**
 * `node tests/bench/report.ts`, after `npm run bench`: turns the run's artifacts
 * (artifacts/bench/vault.{json,md}, domain.{json,md}, save-latency.svg) into docs/bench/:
 * results.md (the machine, the goals of both benchmarks, then both reports in full) and
 * save-latency.svg, formatted with prettier. Whatever follows the NOTES marker in an existing results.md (remarks
 * written by hand about a run) is kept.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { ARTIFACTS, mib, type Machine } from './bench-lib.ts';

const DOCS = resolve(import.meta.dirname, '../../docs/bench');
const NOTES =
  '<!-- Notes below this line are written by hand and kept by tests/bench/report.ts. -->';

interface Artifact {
  date: string;
  machine: Machine;
  goals: string[][];
}

function read(name: string): { json: Artifact; markdown: string } | null {
  const json = join(ARTIFACTS, `${name}.json`);
  const markdown = join(ARTIFACTS, `${name}.md`);
  if (!existsSync(json) || !existsSync(markdown)) return null;
  return {
    json: JSON.parse(readFileSync(json, 'utf8')) as Artifact,
    markdown: readFileSync(markdown, 'utf8'),
  };
}

/** One heading level down, so both reports sit under this file's title. */
function demote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line.startsWith('#') ? `#${line}` : line))
    .join('\n');
}

function command(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8' }).trimEnd();
  } catch {
    return `(${file} not available)`;
  }
}

const vault = read('vault');
const domain = read('domain');
if (!vault && !domain) {
  process.stderr.write('No artifacts in artifacts/bench: run `npm run bench` first.\n');
  process.exit(1);
}

const out: string[] = [];
const print = (line = '') => out.push(line);
const first = (vault ?? domain)!.json.machine;
print('# Benchmark results: the format-2 vault against plain SQLite');
print();
print(
  `Made by \`node tests/bench/report.ts\` from one \`npm run bench\` (tests/bench/vault-bench.ts, then domain-bench.ts): ${[
    vault,
    domain,
  ]
    .filter((part) => part !== null)
    .map((part) => part.json.date)
    .join(' and ')}. Raw numbers: artifacts/bench/vault.json and domain.json of that run.`,
);
print();
print('## Machine');
print();
print(`- \`nproc\`: ${command('nproc', [])}`);
print(
  `- CPU: ${first.cpuModel}; ${first.platform}; Node ${first.node}; ${mib(first.totalMemBytes)} RAM`,
);
print(
  `- Load average (1 / 5 / 15 min) — vault bench: ${[vault?.json.machine.loadAtStart, vault?.json.machine.loadAtEnd].map((load) => load?.map((v) => v.toFixed(2)).join(' / ') ?? '—').join(' at the start, ')} at the end; domain bench: ${[domain?.json.machine.loadAtStart, domain?.json.machine.loadAtEnd].map((load) => load?.map((v) => v.toFixed(2)).join(' / ') ?? '—').join(' at the start, ')} at the end. Other test runs shared the machine: a load above the CPU count means every number here carries scheduler noise, the p95s most.`,
);
print('- `free -h` (when this file was made):');
print();
print('```');
print(command('free', ['-h']));
print('```');
print();
print('## Goals');
print();
print('| goal | measured | verdict |');
print('|---|---|---|');
for (const part of [vault, domain]) {
  for (const [goal, measured, verdict] of part?.json.goals ?? []) {
    print(`| ${goal ?? ''} | ${measured ?? ''} | ${verdict ?? ''} |`);
  }
}
print();
print('![Note save latency against vault size](save-latency.svg)');
print();
if (vault) print(demote(vault.markdown).trimEnd());
print();
if (domain) print(demote(domain.markdown).trimEnd());
print();

mkdirSync(DOCS, { recursive: true });
const results = join(DOCS, 'results.md');
const kept = existsSync(results) ? readFileSync(results, 'utf8').split(NOTES)[1] : undefined;
print(NOTES);
// Formatted as `npm run lint` (prettier --check .) expects.
const text = `${out.join('\n')}${kept ?? '\n'}`;
writeFileSync(
  results,
  await format(text, { ...(await resolveConfig(results)), parser: 'markdown' }),
);
if (existsSync(join(ARTIFACTS, 'save-latency.svg')))
  copyFileSync(join(ARTIFACTS, 'save-latency.svg'), join(DOCS, 'save-latency.svg'));
process.stdout.write(`Wrote ${results} and save-latency.svg.\n`);
