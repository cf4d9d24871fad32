// Answer sheet helpers: which questions are complete, progress, and an update that keeps the sheet in the
// shape the server validates (a value per question, or a value per sub-item).
import type { Answer, Answers, Questionnaire } from './api.ts';

type Question = Questionnaire['groups'][number]['questions'][number];

export function isAnswered(question: Question, answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (question.subItems.length === 0) return typeof answer === 'string';
  if (typeof answer !== 'object') return false;
  return question.subItems.every((s) => typeof answer[s.code] === 'string');
}

export function unanswered(questions: readonly Question[], answers: Answers): Question[] {
  return questions.filter((q) => !isAnswered(q, answers[q.code]));
}

export function allQuestions(questionnaire: Questionnaire): Question[] {
  return questionnaire.groups.flatMap((g) => g.questions);
}

export function progress(questionnaire: Questionnaire, answers: Answers) {
  const questions = allQuestions(questionnaire);
  return {
    answered: questions.length - unanswered(questions, answers).length,
    total: questions.length,
  };
}

/** The sheet with one answer set; `subItemCode` for a question answered per sub-item. */
export function withAnswer(
  answers: Answers,
  questionCode: string,
  value: string,
  subItemCode?: string,
): Answers {
  if (subItemCode === undefined) return { ...answers, [questionCode]: value };
  const previous = answers[questionCode];
  const perItem = previous && typeof previous === 'object' ? previous : {};
  return { ...answers, [questionCode]: { ...perItem, [subItemCode]: value } };
}

/** Only the answers to this questionnaire's questions (a draft saved under an older one may hold others). */
export function forQuestionnaire(questionnaire: Questionnaire, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of allQuestions(questionnaire)) {
    const a = answers[q.code];
    if (a !== undefined) out[q.code] = a;
  }
  return out;
}

/** The index of the first group with an unanswered question, or the last group when all are answered. */
export function firstOpenGroup(questionnaire: Questionnaire, answers: Answers): number {
  const i = questionnaire.groups.findIndex((g) => unanswered(g.questions, answers).length > 0);
  return i === -1 ? Math.max(0, questionnaire.groups.length - 1) : i;
}
