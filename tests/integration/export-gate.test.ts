/**
 * Issue 6, item 1: there is no path out of the vault around the risk review. For every
 * channel of the IPC contract this proves that
 * - a channel that writes outside the vault (it takes a `destination`) or takes a reviewed
 *   request is an export channel, and every export channel takes both;
 * - every export channel calls the gate, and what the gate refuses is neither written nor
 *   logged;
 * - what an export channel writes follows the rules: a name the rules hide never appears.
 */
import { vaultBytes } from '../helpers/vaults.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  CHANNELS,
  contract,
  ENCRYPTED_COPY_CHANNELS,
  EXPORT_CHANNELS,
  type Input,
} from '../../shared/contract.ts';
import { reviewedShare, type ReviewedShareInput } from '../../shared/share.ts';
import { openPackage } from '../../electron/core/crypto/share-package.ts';
import * as gate from '../../electron/core/services/share/gate.ts';
import {
  openShareVault,
  partnerReview,
  SHARE_PEOPLE,
  type ShareVault,
} from '../helpers/share-fixture.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

vi.mock('../../electron/core/services/share/gate.ts', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../electron/core/services/share/gate.ts')>();
  return { ...original, gateShare: vi.fn(original.gateShare) };
});

const tempDir = useTempDir();
type ExportChannel = (typeof EXPORT_CHANNELS)[number];

/** The keys a channel's input object takes (none for unions and non-objects). */
function inputKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** How each export channel is called; a new export channel without a line here fails to compile. */
const CALLS: {
  [C in ExportChannel]: (review: ReviewedShareInput, path: string) => Input<C>;
} = {
  'share:writeDossier': (review, path) => ({ review, format: 'pdf', destination: { path } }),
  'share:writeList': (review, path) => ({ review, destination: { path } }),
  'share:writePackage': (review, path) => ({ review, seal: 'passphrase', destination: { path } }),
};

/** The bytes an export channel wrote, as text a person could read (a package opened). */
async function readableOutput(path: string, oneTimePassphrase: string | null): Promise<string> {
  const bytes = readFileSync(path);
  if (oneTimePassphrase === null) return bytes.toString('utf8');
  const opened = await openPackage(bytes, { own: null, passphrase: oneTimePassphrase });
  return new TextDecoder().decode(opened.payload);
}

describe('the contract', () => {
  it('has no channel that writes outside the vault or takes a review without being an export channel', () => {
    const exportChannels = new Set<string>(EXPORT_CHANNELS);
    const encryptedCopies = new Set<string>(ENCRYPTED_COPY_CHANNELS);
    for (const channel of CHANNELS) {
      const keys = inputKeys(contract[channel].in);
      const writesOut = keys.includes('destination');
      const reviewed = keys.includes('review');
      expect(reviewed, `${channel} takes a review`).toBe(exportChannels.has(channel));
      if (writesOut)
        expect(
          exportChannels.has(channel) || encryptedCopies.has(channel),
          `${channel} writes outside the vault`,
        ).toBe(true);
      if (encryptedCopies.has(channel))
        expect(keys.includes('destination') || keys.includes('folder'), channel).toBe(true);
    }
  });

  it('gives every export channel the reviewed request and a destination', () => {
    expect(EXPORT_CHANNELS.length).toBeGreaterThan(0);
    for (const channel of EXPORT_CHANNELS) {
      const shape = (contract[channel].in as unknown as { shape: Record<string, unknown> }).shape;
      expect(shape.review, channel).toBe(reviewedShare);
      expect(shape.destination, channel).toBeDefined();
    }
  });
});

describe.each(EXPORT_CHANNELS)('%s', (channel) => {
  let vault: ShareVault;
  let dir: string;
  const gateShare = vi.mocked(gate.gateShare);

  beforeEach(async () => {
    dir = tempDir();
    vault = await openShareVault(dir, {
      printPdf: (html) => Promise.resolve(new TextEncoder().encode(`%PDF-1.4 test\n${html}`)),
    });
    gateShare.mockClear();
  });

  async function call(review: ReviewedShareInput, path: string) {
    return vault.api.raw(channel, CALLS[channel](review, path));
  }

  it('goes through the gate, and writes only what the rules let out', async () => {
    const path = join(dir, `out-${channel.replace(':', '-')}`);
    const result = await call(partnerReview(vault), path);
    expect(result.ok).toBe(true);
    expect(gateShare).toHaveBeenCalled();
    const written = result.ok ? (result.value as { oneTimePassphrase: string | null }) : null;
    const text = await readableOutput(path, written?.oneTimePassphrase ?? null);
    expect(text).toContain(SHARE_PEOPLE.anna.fullName);
    // Boris: by codename only, without his name; Clara: not at all.
    expect(text).toContain(vault.codenames.boris);
    expect(text).not.toContain(SHARE_PEOPLE.boris.fullName);
    expect(text).not.toContain(SHARE_PEOPLE.clara.fullName);
    expect(text).not.toContain(vault.codenames.clara);
    expect(text).not.toContain('RESTRICTED');
    expect(text).not.toContain('Secret source');
    const log = await vault.api.call('disclosures:list', {});
    expect(log.total).toBe(1);
  });

  it('writes and logs nothing the gate refuses', async () => {
    const path = join(dir, 'refused');
    const before = vaultBytes(vault.api.path);
    const review = partnerReview(vault, {
      choices: [
        { personId: vault.ids.anna, decision: 'named' },
        // Naming Boris opens up the rules' decision: without a justification, refused.
        { personId: vault.ids.boris, decision: 'named' },
      ],
    });
    const result = await call(review, path);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('SHARE_OVERRIDE_NEEDS_JUSTIFICATION');
    expect(gateShare).toHaveBeenCalled();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('.refused'))).toEqual([]);
    expect((await vault.api.call('disclosures:list', {})).total).toBe(0);
    const trail = await vault.api.call('audit:list', {});
    expect(trail.entries.map((entry) => entry.action)).not.toContain('share.written');
    expect(vaultBytes(vault.api.path).equals(before)).toBe(true);
  });
});
