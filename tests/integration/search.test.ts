/**
 * Search through the API, as the renderer calls it: Russian and English, any case, prefixes,
 * ё as е; names and titles ranked above text; snippets that mark the matches; restricted
 * notes found and flagged (search never leaves the vault); the index following every change
 * (update, delete); FTS5 syntax typed by the user never interpreted nor failing; how many
 * match in all beside the best `limit`; a note's snippet as words without its markdown
 * markers; and the persons a note is about.
 */
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/records.ts';
import { openTestVault } from '../helpers/domain.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

async function withRecords() {
  const api = await openTestVault(tempDir());
  const { id: prosecution } = await api.call('agencies:create', {
    name: 'Прокуратура Центрального района',
    sphere: 'prosecution',
    admittedProblems: 'Нехватка следователей; признают задержки.',
  });
  const { id: court } = await api.call('agencies:create', {
    name: 'Regional Court',
    sphere: 'judiciary',
    publicComplaints: 'Hearings postponed for months.',
  });
  const { id: elkin } = await api.call('persons:create', {
    fullName: 'Пётр Ёлкин',
    codename: 'Sparrow',
    position: 'Заместитель прокурора',
    agencyId: prosecution,
  });
  const { id: smith } = await api.call('persons:create', {
    fullName: 'Anna Smith',
    codename: 'Heron',
    position: 'Deputy chair',
    agencyId: court,
  });
  const search = async (text: string, limit = 50) =>
    (await api.call('search:query', { text, limit })).hits;
  return { api, search, prosecution, court, elkin, smith };
}

const key = (hit: SearchHit) => `${hit.kind}:${String(hit.id)}`;
const marked = (hit: SearchHit | undefined) =>
  (hit?.snippet ?? []).filter((part) => part.match).map((part) => part.text);

describe('search', () => {
  it('finds Russian and English, whatever the case, by the start of words', async () => {
    const { search, prosecution, court, elkin, smith } = await withRecords();
    expect((await search('ПРОКУР')).map(key)).toEqual(
      expect.arrayContaining([`agency:${String(prosecution)}`, `person:${String(elkin)}`]),
    );
    expect((await search('прокуратура')).map(key)).toContain(`agency:${String(prosecution)}`);
    expect((await search('SMI')).map(key)).toEqual([`person:${String(smith)}`]);
    expect((await search('regional COURT')).map(key)).toEqual(
      expect.arrayContaining([`agency:${String(court)}`]),
    );
    // Words are ANDed.
    expect((await search('anna deputy')).map(key)).toEqual([`person:${String(smith)}`]);
    expect(await search('anna прокур')).toEqual([]);
    // The middle of a word is not its start.
    expect(await search('куратура')).toEqual([]);
    expect(await search('mith')).toEqual([]);
  });

  it('treats ё and е alike, both ways', async () => {
    const { api, search, elkin } = await withRecords();
    for (const text of ['Елкин', 'ЁЛКИН', 'ёлк', 'петр', 'пётр']) {
      expect((await search(text)).map(key), text).toContain(`person:${String(elkin)}`);
    }
    const { id } = await api.call('notes:create', {
      occurredOn: '2026-03-01',
      kind: 'meeting',
      personIds: [elkin],
      body: 'Обсудили ещё раз учебные материалы.',
    });
    expect((await search('еще материалы')).map(key)).toEqual([`note:${String(id)}`]);
  });

  it('ranks a match in a title above a match in the text', async () => {
    const { api, search, elkin } = await withRecords();
    const { id: inBody } = await api.call('notes:create', {
      occurredOn: '2026-01-10',
      kind: 'meeting',
      personIds: [elkin],
      title: 'Встреча в кабинете',
      body: 'Долго говорили о работе, семьях, погоде; потом коротко про стажировку в Страсбурге.',
    });
    const { id: inTitle } = await api.call('notes:create', {
      occurredOn: '2026-01-11',
      kind: 'trip',
      personIds: [elkin],
      title: 'Стажировка в Страсбурге',
      body: 'Программа согласована.',
    });
    const hits = await search('стажировк');
    expect(hits.map(key)).toEqual([`note:${String(inTitle)}`, `note:${String(inBody)}`]);
    // A person's name ranks above a note that mentions the name in its text.
    await api.call('notes:create', {
      occurredOn: '2026-01-12',
      kind: 'call',
      personIds: [elkin],
      body: 'Звонил помощник, сказал, что Ёлкин в отпуске до понедельника, перезвонить позже.',
    });
    expect((await search('елкин'))[0]?.kind).toBe('person');
  });

  it('returns snippets that mark the matches, with a note’s kind, date and person', async () => {
    const { api, search, elkin, prosecution } = await withRecords();
    const { id } = await api.call('notes:create', {
      occurredOn: '2026-02-10',
      kind: 'meeting',
      personIds: [elkin],
      title: 'Встреча',
      body: 'Обсудили жалобы на Прокуратуру и стажировку для следователей.',
      askedFor: 'Учебные материалы',
    });
    const hits = await search('прокур');
    const note = hits.find((hit) => hit.kind === 'note');
    expect(note).toMatchObject({
      id,
      kind: 'note',
      title: 'Встреча',
      noteKind: 'meeting',
      date: '2026-02-10',
      personId: elkin,
      restricted: false,
    });
    expect(marked(note)).toEqual(['Прокур']);
    expect(note?.snippet.map((part) => part.text).join('')).toContain('жалобы на Прокуратуру');
    const agency = hits.find((hit) => hit.kind === 'agency');
    expect(agency?.id).toBe(prosecution);
    expect(agency?.title).toBe('Прокуратура Центрального района');
    const person = hits.find((hit) => hit.kind === 'person');
    expect(person?.title).toBe('Пётр Ёлкин · Sparrow');
    expect(marked(person)).toEqual(['прокур']);
    // The snippet comes from the field that matched: here the asked-for line.
    const asked = (await search('учебн')).find((hit) => hit.kind === 'note');
    expect(marked(asked)).toEqual(['Учебн']);
  });

  it('finds restricted notes and flags them', async () => {
    const { api, search, smith } = await withRecords();
    const { id } = await api.call('notes:create', {
      occurredOn: '2026-02-11',
      kind: 'call',
      personIds: [smith],
      title: 'Threat from the chief',
      body: 'Her superior warned her off any contact with NGOs.',
      restricted: true,
    });
    const [hit] = await search('superior warned');
    expect(hit).toMatchObject({ kind: 'note', id, restricted: true, personId: smith });
  });

  it('follows every change: updated records are found by their new words only', async () => {
    const { api, search, elkin, smith, court } = await withRecords();
    const fields = {
      occurredOn: '2026-02-12',
      kind: 'letter_sent' as const,
      personIds: [elkin],
      title: 'Invitation to Strasbourg',
      body: 'Seminar on juvenile justice.',
    };
    const { id } = await api.call('notes:create', fields);
    expect((await search('strasbourg')).map(key)).toEqual([`note:${String(id)}`]);
    await api.call('notes:update', {
      id,
      fields: { ...fields, personIds: [smith], title: 'Invitation to Vienna', restricted: true },
    });
    expect(await search('strasbourg')).toEqual([]);
    const [updated] = await search('vienna');
    expect(updated).toMatchObject({ id, restricted: true, personId: smith });

    await api.call('agencies:update', {
      id: court,
      fields: { name: 'Supreme Court', sphere: 'judiciary' },
    });
    expect((await search('regional')).map(key)).not.toContain(`agency:${String(court)}`);
    expect((await search('supreme')).map(key)).toEqual([`agency:${String(court)}`]);

    await api.call('persons:update', {
      id: smith,
      fields: { fullName: 'Anna Bright', codename: 'Heron', position: 'Chair' },
    });
    expect(await search('smith')).toEqual([]);
    expect((await search('bright')).map(key)).toEqual([`person:${String(smith)}`]);
  });

  it('forgets deleted records', async () => {
    const { api, search, elkin, smith } = await withRecords();
    const { id } = await api.call('notes:create', {
      occurredOn: '2026-02-13',
      kind: 'call',
      personIds: [smith],
      title: 'Quarterly review',
    });
    await api.call('notes:delete', { id });
    expect(await search('quarterly')).toEqual([]);
    await api.call('persons:delete', { id: smith, confirmCodename: 'Heron' });
    expect(await search('anna')).toEqual([]);
    expect((await search('Sparrow')).map(key)).toEqual([`person:${String(elkin)}`]);
  });

  it('never interprets FTS5 syntax typed by the user, and never fails on it', async () => {
    const { api, search, elkin } = await withRecords();
    const inputs = [
      '"',
      '""',
      '*',
      '"прокур',
      'прокур"*',
      'NEAR(прокур заместитель)',
      'NEAR(',
      'title:прокур',
      'body:',
      '{title}: прокур',
      '^прокур',
      'прокур OR anna',
      'NOT anna',
      '-anna',
      '(прокур',
      "'; DROP TABLE persons; --",
      '\\',
      '\u0000',
    ];
    for (const text of inputs) {
      const result = await api.raw('search:query', { text, limit: 10 });
      expect(result.ok, text).toBe(true);
    }
    // Quotes, carets and parentheses are punctuation: the words around them still count.
    expect((await search('"прокур')).map(key)).toContain(`person:${String(elkin)}`);
    expect((await search('^прокур')).map(key)).toContain(`person:${String(elkin)}`);
    // Operators are words to find, not operators: "OR" does not widen, "NOT" does not exclude.
    expect(await search('прокур OR anna')).toEqual([]);
    expect(await search('NOT anna')).toEqual([]);
    // A column filter is a word too: "title:прокур" looks for "title" and "прокур".
    expect(await search('title:прокур')).toEqual([]);
    // Nothing searchable: no hits, no error.
    expect(await search('"*()')).toEqual([]);
  });

  it('returns at most `limit` hits', async () => {
    const { api, search, elkin } = await withRecords();
    for (let i = 0; i < 12; i++) {
      await api.call('notes:create', {
        occurredOn: '2026-01-01',
        kind: 'call',
        personIds: [elkin],
        title: `Звонок ${String(i)}`,
      });
    }
    expect(await search('звонок', 5)).toHaveLength(5);
    expect(await search('звонок')).toHaveLength(12);
  });

  it('says how many match in all when it returns only the best `limit`', async () => {
    const { api, elkin } = await withRecords();
    for (let i = 0; i < 12; i++) {
      await api.call('notes:create', {
        occurredOn: '2026-01-01',
        kind: 'call',
        personIds: [elkin],
        title: `Звонок ${String(i)}`,
      });
    }
    const cut = await api.call('search:query', { text: 'звонок', limit: 5 });
    expect(cut.hits).toHaveLength(5);
    expect(cut.total).toBe(12);
    const all = await api.call('search:query', { text: 'звонок', limit: 50 });
    expect(all.hits).toHaveLength(12);
    expect(all.total).toBe(12);
    expect(await api.call('search:query', { text: 'zzzz', limit: 5 })).toEqual({
      hits: [],
      total: 0,
    });
    expect(await api.call('search:query', { text: '"*()', limit: 5 })).toEqual({
      hits: [],
      total: 0,
    });
  });

  it('cuts a note’s snippet from its words, without the markdown markers', async () => {
    const { api, search, smith } = await withRecords();
    await api.call('notes:create', {
      occurredOn: '2026-02-12',
      kind: 'meeting',
      personIds: [smith],
      title: 'Seminar',
      body: [
        '## Outcome',
        '',
        '**Agreed** to a _joint_ seminar on `custody`; see [the draft](https://example.org/d).',
        '',
        '> She asked for ~~nothing~~ *translated* materials.',
        '- snake_case_name stays, 5 * 3 stays',
      ].join('\n'),
    });
    const text = (hit: SearchHit | undefined) => hit?.snippet.map((part) => part.text).join('');
    const agreed = (await search('agreed')).find((hit) => hit.kind === 'note');
    expect(marked(agreed)).toEqual(['Agreed']);
    expect(text(agreed)).toBe(
      'Outcome Agreed to a joint seminar on custody; see the draft. She asked for nothing translated materials. snake_case_name stays, 5 * 3 stays',
    );
    for (const marker of ['**', '##', '`', '](', '~~', '> ', '*translated*', '_joint_'])
      expect(text(agreed), marker).not.toContain(marker);
    // A marker inside the matched word does not hide the match.
    expect(marked((await search('transl')).find((hit) => hit.kind === 'note'))).toEqual(['transl']);
  });

  it('names every person a note is about; other hits name no one', async () => {
    const { api, search, elkin, smith } = await withRecords();
    const { id } = await api.call('notes:create', {
      occurredOn: '2026-02-13',
      kind: 'meeting',
      personIds: [smith, elkin],
      title: 'Joint round table',
      restricted: true,
    });
    const hits = await search('joint round');
    const note = hits.find((hit) => hit.kind === 'note');
    expect(note).toMatchObject({ id, restricted: true });
    expect(
      note?.persons.map((person) => [person.id, person.fullName, person.codename]).sort(),
    ).toEqual(
      [
        [elkin, 'Пётр Ёлкин', 'Sparrow'],
        [smith, 'Anna Smith', 'Heron'],
      ].sort(),
    );
    expect(note?.personId).toBeTypeOf('number');
    for (const hit of await search('anna')) expect(hit.persons).toEqual([]);
  });
});
