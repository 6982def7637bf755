import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { readAllocationSheet, writeAllocationSheet, type AllocationSheetBatch, type AllocationSheetRow } from './allocation-sheet';

const AGENCY = '11111111-2222-4333-8444-555555555555';

/** An allocation sheet as Sinergi writes it, with `n` line rows (one account code each). */
async function sheet(n: number): Promise<Buffer> {
  const rows: AllocationSheetRow[] = Array.from({ length: n }, (_, i) => ({
    activityCode: '3.1',
    activity: 'Pemulangan korban',
    year: 2026,
    need: '0',
    budgetCode: '1.06.03.2.01.0003',
    accountCode: `5.1.02.01.01.${String(i + 1).padStart(4, '0')}`,
    stage: 'DPA',
    amount: String(1000 + i),
  }));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeAllocationSheet({ planTitle: 'RAD uji', agencyId: AGENCY, agencyName: 'Dinas Sosial', rows, codes: [{ code: '1.06.03.2.01.0003', name: 'Pemulangan' }], stages: ['RKA', 'DPA', 'DPPA'] }, out);
  out.end();
  return Buffer.concat(chunks);
}

/** exceljs's temporary copies of sheets made by this process (tmp-<pid>-…). */
const ownTempFiles = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));

/**
 * The temporary files made since `before` that are still there after their removal had time to run
 * (exceljs removes them asynchronously; a busy CI machine may need more than a moment).
 */
async function leftSince(before: string[]): Promise<string[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const left = ownTempFiles().filter((f) => !before.includes(f));
    if (!left.length || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('readAllocationSheet', () => {
  it('hands the rows over in order, batch by batch, each batch knowing the agency from the Info sheet', async () => {
    const batches: AllocationSheetBatch[] = [];
    const summary = await readAllocationSheet(await sheet(2500), async (b) => void batches.push(b), 1000);
    expect(batches.map((b) => b.rows.length)).toEqual([1000, 1000, 500]);
    expect(batches.every((b) => b.agencyId === AGENCY)).toBe(true);
    const rows = batches.flatMap((b) => b.rows);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 2));
    expect(rows[2499]).toMatchObject({ activityCode: '3.1', year: 2026, accountCode: '5.1.02.01.01.2500', stage: 'DPA', amount: '3499' });
    expect(summary).toEqual({ agencyId: AGENCY, agencyAfterRows: false, rows: 2500, errors: [] });
  });

  it('never hands a batch over before the previous one is saved (later rows are checked against earlier ones)', async () => {
    let saving = 0;
    let most = 0;
    await readAllocationSheet(
      await sheet(3000),
      async () => {
        most = Math.max(most, ++saving);
        await new Promise((resolve) => setTimeout(resolve, 20));
        saving--;
      },
      500,
    );
    expect(most).toBe(1);
  });

  it("stops handing over after the handler's refusal, rethrows it, and leaves no temporary copy of the sheet", async () => {
    let handed = 0;
    const refusal = new Error('bukan instansi Anda');
    const before = ownTempFiles();
    await expect(
      readAllocationSheet(await sheet(2500), async () => {
        handed++;
        throw refusal;
      }, 1000),
    ).rejects.toBe(refusal);
    expect(handed).toBe(1);
    expect(await leftSince(before)).toEqual([]);
  });
});
