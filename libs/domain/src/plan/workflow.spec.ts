import { PLAN_STATUSES, type PlanStatus } from '@sinergi/contracts';
import { DomainError } from '../domain-error';
import { acceptsProposals, allowedTransitions, assertEditable, assertTransition, isEditable, statusLabel } from './workflow';

/** Runs `fn` and returns the DomainError it throws; fails the test if it throws nothing. */
function caught(fn: () => void): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('RAD workflow transitions', () => {
  // The whole legal graph, written out so a change to it is a deliberate change to this list.
  const legal: [PlanStatus, PlanStatus][] = [
    ['draft', 'consultation'],
    ['draft', 'review'],
    ['consultation', 'review'],
    ['consultation', 'draft'], // send back: members need another round of drafting
    ['review', 'adopted'],
    ['review', 'consultation'], // send back
    ['review', 'draft'], // send back
    ['adopted', 'revision'],
    ['revision', 'consultation'],
    ['revision', 'review'],
  ];

  it.each(legal)('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it('offers exactly the legal targets for each status', () => {
    for (const from of PLAN_STATUSES) {
      const expected = legal.filter(([f]) => f === from).map(([, t]) => t);
      expect([...allowedTransitions(from)].sort()).toEqual(expected.sort());
    }
  });

  const illegal: [PlanStatus, PlanStatus, PlanStatus[]][] = [
    ['draft', 'adopted', ['consultation', 'review']], // adoption only after review
    ['consultation', 'adopted', ['review', 'draft']],
    ['adopted', 'draft', ['revision']], // an adopted plan is changed only through a revision
    ['adopted', 'consultation', ['revision']],
    ['revision', 'adopted', ['consultation', 'review']], // a revision is reviewed before adoption
    // X → X: a "transition" to the same status is never a no-op that silently succeeds.
    ['draft', 'draft', ['consultation', 'review']],
    ['consultation', 'consultation', ['review', 'draft']],
    ['review', 'review', ['adopted', 'consultation', 'draft']],
    ['adopted', 'adopted', ['revision']],
    ['revision', 'revision', ['consultation', 'review']],
  ];

  it.each(illegal)('refuses %s → %s with a CONFLICT listing the allowed targets', (from, to, allowed) => {
    const error = caught(() => assertTransition(from, to));
    expect(error.code).toBe('CONFLICT');
    // Indonesian, naming both statuses by their Indonesian labels.
    expect(error.message).toBe(`Rencana berstatus ${statusLabel(from)} tidak dapat dipindah ke ${statusLabel(to)}`);
    expect(error.details).toEqual({ from, to, allowed });
  });

  it('words the message for the planner: draft → adopted', () => {
    expect(caught(() => assertTransition('draft', 'adopted')).message).toBe(
      'Rencana berstatus draf tidak dapat dipindah ke ditetapkan',
    );
  });

  it('has an Indonesian label for every status', () => {
    expect(PLAN_STATUSES.map(statusLabel)).toEqual(['draf', 'konsultasi', 'reviu', 'ditetapkan', 'revisi']);
  });

  it('does not let a caller change the graph through the returned list', () => {
    const error = caught(() => assertTransition('adopted', 'draft'));
    (error.details as { allowed: PlanStatus[] }).allowed.push('draft');
    expect(allowedTransitions('adopted')).toEqual(['revision']);
  });
});

describe('editing and proposals', () => {
  it.each([
    ['draft', true],
    ['consultation', true],
    ['revision', true],
    ['review', false],
    ['adopted', false],
  ] as [PlanStatus, boolean][])('%s: editable and open to proposals = %s', (status, open) => {
    expect(isEditable(status)).toBe(open);
    expect(acceptsProposals(status)).toBe(open);
    if (open) expect(() => assertEditable(status)).not.toThrow();
  });

  it('tells the planner to open a revision to change an adopted plan', () => {
    const error = caught(() => assertEditable('adopted'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Rencana sudah ditetapkan. Buka revisi untuk mengubahnya.');
  });

  it('tells the planner to send a plan under review back before editing it', () => {
    const error = caught(() => assertEditable('review'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'Rencana berstatus reviu tidak dapat diubah; kembalikan ke draf atau konsultasi dahulu.',
    );
  });

  it('keeps editing and the way back consistent: every status that cannot be edited can reach one that can', () => {
    for (const status of PLAN_STATUSES.filter((s) => !isEditable(s))) {
      expect(allowedTransitions(status).some(isEditable)).toBe(true);
    }
  });
});

describe('a plan adopted before', () => {
  it('is sent back to revision, never to draft, so it keeps showing that it revises an adopted plan', () => {
    expect(allowedTransitions('review', true)).toEqual(['adopted', 'consultation', 'revision']);
    expect(allowedTransitions('consultation', true)).toEqual(['review', 'revision']);
    expect(() => assertTransition('review', 'draft', true)).toThrow(DomainError);
    expect(() => assertTransition('review', 'revision', false)).toThrow(DomainError);
    expect(() => assertTransition('review', 'revision', true)).not.toThrow();
  });
});
