/**
 * `confidant` as a real process: Node 22 running electron/cli/confidant.ts, the DEFAULT
 * Argon2id (256 MiB, about a second per derivation), real pipes and a real terminal. A vault
 * is a folder holding `keys` and `vault.db`.
 * Each run costs seconds, so this file keeps to a handful of runs; the in-process tests in
 * cli.test.ts cover the details.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ARGON2 } from '../../electron/core/crypto/kdf.ts';
import { inspectVaultFile } from '../../electron/core/vault/inspect.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { en } from '../../shared/i18n/en.ts';
import { snapshotDir } from '../helpers/dir-snapshot.ts';
import { FAST_KDF } from '../helpers/fast-kdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { createTestVault, PASSPHRASE } from '../helpers/vaults.ts';

const tempDir = useTempDir('confidant-cli-process-');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
const NODE = join(BIN, 'node');
const CONFIDANT = join(ROOT, 'electron', 'cli', 'confidant.ts');
/** The child's whole environment: English, and none of the test runner's locale settings. */
const CHILD_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? '/tmp',
  LANG: 'en_US.UTF-8',
};
const TIMEOUT = 60_000;
const NEW_PASSPHRASE = 'a different passphrase entirely';
const RECOVERY_LINE = /^Recovery key: ([0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){8})\r?$/gm;

interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `command`, writes `input` to its stdin, and collects what it prints. */
function run(
  command: string,
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv = CHILD_ENV,
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'pipe' });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
    child.stdin.end(input);
  });
}

/** `confidant args…` with `lines` on standard input, one per line. */
function confidant(args: string[], lines: string[] = []): Promise<ProcessRun> {
  return run(NODE, [CONFIDANT, ...args], lines.map((line) => `${line}\n`).join(''));
}

function recoveryKeys(output: string): string[] {
  return [...output.matchAll(RECOVERY_LINE)].map((match) => match[1]!);
}

/**
 * Runs a command in a pseudo-terminal (python3's pty module): waits for each prompt, types
 * its answer, and prints everything the terminal showed plus the exit code as JSON.
 */
const PTY_SCRIPT = String.raw`
import json, os, pty, select, signal, sys, time
spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec['cwd'])
    os.execve(spec['command'][0], spec['command'], spec['env'])
deadline = time.time() + spec['timeout']
output = b''
def read_some():
    global output
    while time.time() < deadline:
        if select.select([fd], [], [], 0.2)[0]:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return False
            output += chunk
            return len(chunk) > 0
    return False
position = 0
for prompt, answer in spec['replies']:
    marker = prompt.encode()
    while output.find(marker, position) < 0 and read_some():
        pass
    found = output.find(marker, position)
    if found < 0:
        break
    position = found + len(marker)
    os.write(fd, answer.encode())
while read_some():
    pass
if time.time() >= deadline:
    os.kill(pid, signal.SIGKILL)
_, status = os.waitpid(pid, 0)
print(json.dumps({'output': output.decode('utf-8', 'replace'), 'code': os.waitstatus_to_exitcode(status)}))
`;

async function inTerminal(
  command: string[],
  replies: [prompt: string, answer: string][],
): Promise<{ output: string; code: number }> {
  const spec = { cwd: ROOT, command, env: { ...CHILD_ENV, TERM: 'xterm' }, replies, timeout: 45 };
  const result = await run('python3', ['-c', PTY_SCRIPT, JSON.stringify(spec)], '', process.env);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { output: string; code: number };
}

// =============================================================================================

describe('confidant init (real process, default Argon2id)', () => {
  it(
    'prints exactly one "Recovery key: " line and exits 0, and info then shows format 2, passes: 3 and memory: 256 MiB',
    async () => {
      const file = join(tempDir(), 'real.confidant');
      const init = await confidant(['init', file], [PASSPHRASE]);
      expect(init.code).toBe(0);
      expect(init.stderr).toBe('');
      expect(recoveryKeys(init.stdout)).toHaveLength(1);
      expect(init.stdout.match(/Recovery key: /g)).toHaveLength(1);
      expect(statSync(file).isDirectory()).toBe(true);
      expect(readdirSync(file).sort()).toEqual(['keys', 'vault.db']);

      const info = await confidant(['info', file]);
      expect(info.code).toBe(0);
      expect(info.stdout).toMatch(/^Format:\s+Confidant vault, format version 2$/m);
      expect(info.stdout).toMatch(
        /^ {2}1\. passphrase: Argon2id v1\.3, passes: 3, memory: 256 MiB$/m,
      );
    },
    TIMEOUT,
  );
});

describe('confidant verify (real process, default Argon2id)', () => {
  it(
    'exits 0 with the passphrase',
    async () => {
      const { path, vault } = await createTestVault(tempDir(), { kdf: DEFAULT_ARGON2 });
      await vault.lock();
      const verify = await confidant(['verify', path], [PASSPHRASE]);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toContain(`${path} decrypts and its database is intact.`);
    },
    TIMEOUT,
  );

  it(
    'exits 3 with a wrong passphrase and changes nothing',
    async () => {
      const dir = tempDir();
      const { path, vault } = await createTestVault(dir, { kdf: DEFAULT_ARGON2 });
      await vault.lock();
      const before = snapshotDir(dir);
      const verify = await confidant(['verify', path], ['not the passphrase']);
      expect(verify.code).toBe(3);
      expect(verify.stdout).toBe('');
      expect(verify.stderr).toBe(
        `confidant: ${en.errors.WRONG_PASSPHRASE.replace('{{file}}', path)}\n`,
      );
      expect(snapshotDir(dir)).toEqual(before);
    },
    TIMEOUT,
  );
});

describe('confidant passwd --rekey (real process, default Argon2id)', () => {
  it(
    'prints exactly one new recovery key, which opens the vault while the old one no longer does',
    async () => {
      // Made with the fast Argon2id (the unlock runs what the slot records); the new slot the
      // process writes must have the default parameters.
      const { path, vault, recoveryKey } = await createTestVault(tempDir(), { kdf: FAST_KDF });
      await vault.lock();
      const rekey = await confidant(['passwd', '--rekey', path], [PASSPHRASE, NEW_PASSPHRASE]);
      expect(rekey.code).toBe(0);
      expect(rekey.stderr).toBe('');
      const keys = recoveryKeys(rekey.stdout);
      expect(keys).toHaveLength(1);
      expect(rekey.stdout.match(/Recovery key: /g)).toHaveLength(1);
      expect(keys[0]).not.toBe(recoveryKey);
      expect(readdirSync(path).sort()).toEqual(['keys', 'vault.db']);
      const { slots } = await inspectVaultFile(path);
      expect(slots[0]).toEqual({
        type: 'passphrase',
        opslimit: DEFAULT_ARGON2.opslimit,
        memlimit: DEFAULT_ARGON2.memlimit,
      });

      // The recovery key opens without Argon2id, so these two runs are quick.
      const opens = await confidant(['verify', '--recovery', path], [keys[0]!]);
      expect(opens.code).toBe(0);
      const refused = await confidant(['verify', '--recovery', path], [recoveryKey]);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toBe(
        `confidant: ${en.errors.WRONG_RECOVERY_KEY.replace('{{file}}', path)}\n`,
      );
    },
    // Three processes, one of them deriving a key with the default Argon2id.
    2 * TIMEOUT,
  );
});

describe('confidant through npx', () => {
  it(
    'npx confidant --version prints the version',
    async () => {
      const env = { ...process.env, PATH: `${BIN}:${process.env.PATH ?? ''}` };
      const result = await run('npx', ['confidant', '--version'], '', env);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('confidant 0.1.0\n');
    },
    TIMEOUT,
  );
});

describe('confidant at a terminal', () => {
  it(
    'init asks twice without echoing the passphrase and shows the recovery key',
    async () => {
      const file = join(tempDir(), 'typed.confidant');
      const typed = 'typed at a real terminal';
      const { output, code } = await inTerminal(
        [NODE, CONFIDANT, 'init', file],
        [
          ['New passphrase', `${typed}\r`],
          ['Repeat the new passphrase', `${typed}\r`],
        ],
      );
      expect(code).toBe(0);
      expect(output).not.toContain(typed);
      expect(output).not.toContain('typed at');
      expect(recoveryKeys(output)).toHaveLength(1);
      const vault = await Vault.unlock(file, { passphrase: typed }, { readOnly: true });
      await vault.lock();
    },
    TIMEOUT,
  );
});

describe('confidant refuses secrets as arguments (real process)', () => {
  it(
    'init FILE --passphrase x exits 2 and creates no file',
    async () => {
      const dir = tempDir();
      const file = join(dir, 'never.confidant');
      const result = await confidant(['init', file, '--passphrase', 'hunter2hunter2'], []);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`confidant: ${en.cli.usageSecretArgument}\n`);
      expect(result.stdout).toBe('');
      expect(existsSync(file)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    },
    TIMEOUT,
  );
});
