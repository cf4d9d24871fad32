// The OIT workflow as data: the states of one item and of an agency's whole OIT, and the legal moves.
// Pure: services ask `itemTransition` before they write, and the database refuses unknown states.
//
// An item:  draft ──submit──▶ submitted ──approve──▶ approved ──assess──▶ assessed ──confirm──▶ confirmed
//             ▲  └──(save)     │   ▲                    │                  │  ▲
//             │                └return┘◀──────return────┘            dispute  └─decide── disputed
//          returned ◀─(return)                                           (score 0 only)
// and a NACC admin may reopen a confirmed item (back to assessed).
import { DomainError } from '../errors.ts';

export const OIT_ITEM_STATES = [
  'draft',
  'submitted',
  'approved',
  'returned',
  'assessed',
  'disputed',
  'confirmed',
] as const;
export type OitItemState = (typeof OIT_ITEM_STATES)[number];

export const OIT_ITEM_EVENTS = [
  'save', // the agency edits the answer
  'submit', // the agency admin sends it to the executive
  'approve', // the executive approves
  'return', // the executive returns it with a comment
  'assess', // the assessor submits the agency's assessment
  'dispute', // the agency files a clarification (only for an item scored 0)
  'decide', // the assessor accepts or rejects the clarification
  'confirm', // the assessor confirms the final result
  'reopen', // a NACC admin reopens a confirmed result
] as const;
export type OitItemEvent = (typeof OIT_ITEM_EVENTS)[number];

const MOVES: Record<OitItemEvent, Partial<Record<OitItemState, OitItemState>>> = {
  save: { draft: 'draft', returned: 'returned' },
  submit: { draft: 'submitted', returned: 'submitted' },
  approve: { submitted: 'approved' },
  return: { submitted: 'returned', approved: 'returned' },
  assess: { approved: 'assessed' },
  dispute: { assessed: 'disputed' },
  decide: { disputed: 'assessed' },
  confirm: { assessed: 'confirmed', disputed: 'confirmed' },
  reopen: { confirmed: 'assessed' },
};

const STATE_NAMES: Record<OitItemState, { th: string; en: string }> = {
  draft: { th: 'ฉบับร่าง', en: 'draft' },
  submitted: { th: 'รอผู้บริหารอนุมัติ', en: 'awaiting approval' },
  approved: { th: 'ผู้บริหารอนุมัติแล้ว', en: 'approved' },
  returned: { th: 'ผู้บริหารส่งกลับให้แก้ไข', en: 'returned for changes' },
  assessed: { th: 'ผู้ประเมินให้คะแนนแล้ว', en: 'assessed' },
  disputed: { th: 'อยู่ระหว่างชี้แจง', en: 'under clarification' },
  confirmed: { th: 'ยืนยันผลแล้ว', en: 'confirmed' },
};

const EVENT_NAMES: Record<OitItemEvent, { th: string; en: string }> = {
  save: { th: 'แก้ไขคำตอบ', en: 'edit the answer' },
  submit: { th: 'ส่งให้ผู้บริหารอนุมัติ', en: 'submit it for approval' },
  approve: { th: 'อนุมัติ', en: 'approve it' },
  return: { th: 'ส่งกลับให้แก้ไข', en: 'return it' },
  assess: { th: 'ส่งผลการตรวจ', en: 'submit its assessment' },
  dispute: { th: 'ยื่นคำชี้แจง', en: 'file a clarification' },
  decide: { th: 'พิจารณาคำชี้แจง', en: 'decide its clarification' },
  confirm: { th: 'ยืนยันผล', en: 'confirm it' },
  reopen: { th: 'เปิดผลที่ยืนยันแล้วอีกครั้ง', en: 'reopen it' },
};

export function stateName(state: OitItemState) {
  return STATE_NAMES[state];
}

/** The state an event leads to, or null when the move is illegal. */
export function nextItemState(state: OitItemState, event: OitItemEvent): OitItemState | null {
  return MOVES[event][state] ?? null;
}

/** The state an event leads to; throws a 409 with a Thai and English explanation when the move is illegal. */
export function itemTransition(itemCode: string, state: OitItemState, event: OitItemEvent): OitItemState {
  const next = nextItemState(state, event);
  if (next) return next;
  throw illegalTransition(itemCode, state, event);
}

/** The 409 of an illegal move: what state the item is in and what cannot be done in it. */
export function illegalTransition(itemCode: string, state: OitItemState, event: OitItemEvent): DomainError {
  const s = STATE_NAMES[state];
  const e = EVENT_NAMES[event];
  return new DomainError(
    'conflict',
    'oit_illegal_transition',
    `ข้อ ${itemCode} อยู่ในสถานะ "${s.th}" จึง${e.th}ไม่ได้`,
    `Item ${itemCode} is ${s.en}: you cannot ${e.en} now`,
    { itemCode, state, event },
  );
}

/** Is the answer editable by the agency in this state? */
export function isEditable(state: OitItemState): boolean {
  return nextItemState(state, 'save') !== null;
}

/**
 * The agency-level status of the year's OIT, shown on every screen:
 * answering → awaiting_approval → approved → assessed → confirmed (reopen: confirmed → assessed).
 */
export const OIT_REVIEW_STATUSES = [
  'answering',
  'awaiting_approval',
  'approved',
  'assessed',
  'confirmed',
] as const;
export type OitReviewStatus = (typeof OIT_REVIEW_STATUSES)[number];

/**
 * The agency-level status that follows from its items' states: the least advanced item decides. An agency
 * with no item rows yet is answering.
 */
export function reviewStatusOf(states: readonly OitItemState[]): OitReviewStatus {
  if (states.length === 0) return 'answering';
  if (states.some((s) => s === 'draft' || s === 'returned')) return 'answering';
  if (states.some((s) => s === 'submitted')) return 'awaiting_approval';
  if (states.some((s) => s === 'approved')) return 'approved';
  if (states.some((s) => s === 'assessed' || s === 'disputed')) return 'assessed';
  return 'confirmed';
}
