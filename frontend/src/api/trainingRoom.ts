// The interaction of a training session's room: Q&A, polls, check-in, moderation (docs/api.md, "Training room").
import { request } from './client';

const seg = (id: number) => encodeURIComponent(String(id));
const room = (sessionId: number) => `/api/training/sessions/${seg(sessionId)}`;
const console = (sessionId: number) => `/api/organiser/training/sessions/${seg(sessionId)}`;

/** A question as the room shows it (/topic/training/{id}/qa). */
export interface QuestionView {
  id: number;
  name: string;
  text: string;
  votes: number;
  pinned: boolean;
  answered: boolean;
  /** absent while there is no answer text */
  answer?: string | null;
  /** when it was asked, to the second */
  at: string;
}

/** The room's ranked questions: pinned first, then by votes and time, top 50. */
export interface QaSnapshot {
  sessionId: number;
  total: number;
  answered: number;
  questions: QuestionView[];
}

/** A question with its asker and moderation state (the asker's own list, the organiser's console). */
export interface Question {
  id: number;
  sessionId: number;
  userId: number;
  name: string;
  text: string;
  votes: number;
  pinned: boolean;
  hidden: boolean;
  answeredAt: string | null;
  answer: string | null;
  createdAt: string;
}

export interface MyQa {
  /** ids of the questions I voted for */
  votes: number[];
  questions: Question[];
}

export type PollStatus = 'DRAFT' | 'OPEN' | 'CLOSED';

export interface PollView {
  id: number;
  question: string;
  options: string[];
  multiple: boolean;
  status: PollStatus;
  /** per option, how many chose it */
  counts: number[];
  voters: number;
}

export interface PollSnapshot {
  sessionId: number;
  polls: PollView[];
}

export interface MyVote {
  pollId: number;
  choices: number[];
}

export interface PollRequest {
  question: string;
  options: string[];
  multiple: boolean;
}

/** The running (or last) check-in's window and count; never its code. */
export interface CheckInState {
  sessionId: number;
  checkInId: number | null;
  opensAt: string | null;
  closesAt: string | null;
  count: number;
}

export interface MyCheckIn {
  state: CheckInState;
  checkedInAt: string | null;
}

/** A check-in as the organiser's console shows it, with its code. */
export interface CheckIn {
  id: number;
  sessionId: number;
  code: string;
  opensAt: string;
  closesAt: string;
  count: number;
}

export interface CheckInConsole {
  checkIns: CheckIn[];
  /** the server's time, so the console's countdown does not trust the device's clock */
  now: string;
}

export interface RoomBan {
  userId: number;
  displayName: string;
  bannedAt: string;
}

export const QUESTION_MAX_CHARS = 200;
export const ANSWER_MAX_CHARS = 300;
export const POLL_QUESTION_MAX_CHARS = 100;
export const POLL_OPTION_MAX_CHARS = 40;

export const trainingRoomApi = {
  qa: (sessionId: number, signal?: AbortSignal) => request<QaSnapshot>(`${room(sessionId)}/qa`, { signal }),
  myQa: (sessionId: number, signal?: AbortSignal) => request<MyQa>(`${room(sessionId)}/qa/mine`, { signal }),
  ask: (sessionId: number, text: string) => request<Question>(`${room(sessionId)}/qa`, { method: 'POST', body: { text } }),
  vote: (sessionId: number, questionId: number, up: boolean) =>
    request<QuestionView>(`${room(sessionId)}/qa/${seg(questionId)}/vote`, { method: up ? 'PUT' : 'DELETE' }),
  polls: (sessionId: number, signal?: AbortSignal) => request<PollSnapshot>(`${room(sessionId)}/polls`, { signal }),
  myVotes: (sessionId: number, signal?: AbortSignal) => request<MyVote[]>(`${room(sessionId)}/polls/mine`, { signal }),
  votePoll: (sessionId: number, pollId: number, choices: number[]) =>
    request<MyVote>(`${room(sessionId)}/polls/${seg(pollId)}/vote`, { method: 'POST', body: { choices } }),
  checkIn: (sessionId: number, signal?: AbortSignal) => request<MyCheckIn>(`${room(sessionId)}/checkin`, { signal }),
  enterCode: (sessionId: number, code: string) =>
    request<MyCheckIn>(`${room(sessionId)}/checkin`, { method: 'POST', body: { code } }),
};

export const trainingConsoleApi = {
  questions: (sessionId: number, signal?: AbortSignal) => request<Question[]>(`${console(sessionId)}/qa`, { signal }),
  answer: (sessionId: number, questionId: number, answer: string) =>
    request<Question>(`${console(sessionId)}/qa/${seg(questionId)}/answer`, { method: 'POST', body: { answer: answer || null } }),
  pin: (sessionId: number, questionId: number, value: boolean) =>
    request<Question>(`${console(sessionId)}/qa/${seg(questionId)}/pinned`, { method: 'PUT', body: { value } }),
  hide: (sessionId: number, questionId: number, value: boolean) =>
    request<Question>(`${console(sessionId)}/qa/${seg(questionId)}/hidden`, { method: 'PUT', body: { value } }),
  polls: (sessionId: number, signal?: AbortSignal) => request<PollSnapshot>(`${console(sessionId)}/polls`, { signal }),
  createPoll: (sessionId: number, body: PollRequest) => request<PollView>(`${console(sessionId)}/polls`, { method: 'POST', body }),
  openPoll: (sessionId: number, pollId: number) =>
    request<PollView>(`${console(sessionId)}/polls/${seg(pollId)}/open`, { method: 'POST' }),
  closePoll: (sessionId: number, pollId: number) =>
    request<PollView>(`${console(sessionId)}/polls/${seg(pollId)}/close`, { method: 'POST' }),
  checkIns: (sessionId: number, signal?: AbortSignal) => request<CheckInConsole>(`${console(sessionId)}/checkins`, { signal }),
  startCheckIn: (sessionId: number, minutes: number) =>
    request<CheckIn>(`${console(sessionId)}/checkins`, { method: 'POST', body: { minutes } }),
  hideChat: (sessionId: number, messageId: string) =>
    request<void>(`${console(sessionId)}/chat/hidden`, { method: 'POST', body: { messageId } }),
  bans: (sessionId: number, signal?: AbortSignal) => request<RoomBan[]>(`${console(sessionId)}/bans`, { signal }),
  ban: (sessionId: number, userId: number | string) =>
    request<RoomBan[]>(`${console(sessionId)}/bans/${encodeURIComponent(String(userId))}`, { method: 'PUT' }),
  unban: (sessionId: number, userId: number | string) =>
    request<RoomBan[]>(`${console(sessionId)}/bans/${encodeURIComponent(String(userId))}`, { method: 'DELETE' }),
};
