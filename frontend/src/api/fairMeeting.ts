// Meetings at a fair and the roadshow room (docs/api.md, "Fairs — meetings and roadshow").
import { request } from './client';

const seg = (id: number) => encodeURIComponent(String(id));
const fair = (fairId: number) => `/api/fairs/${seg(fairId)}`;
const organiser = (fairId: number) => `/api/organiser/fairs/${seg(fairId)}`;

export type MeetingStatus = 'REQUESTED' | 'DECLINED' | 'BOOKED' | 'CANCELLED' | 'HELD' | 'NO_SHOW';
export type ParticipantRole = 'SUPPLIER' | 'BUYER' | 'BOTH' | 'PROJECT' | 'INVESTOR';

export interface Party {
  participantId: number;
  enterprise: string;
  role: ParticipantRole;
}

export interface MeetingPlace {
  id: number;
  kind: 'TABLE' | 'ROOM';
  name: string;
  /** an online room's meeting link */
  link: string | null;
}

export interface Meeting {
  id: number;
  fairId: number;
  requester: Party;
  invitee: Party;
  message: string;
  preferredSlots: number[];
  status: MeetingStatus;
  reason: string | null;
  slotId: number | null;
  place: MeetingPlace | null;
  startsAt: string | null;
  endsAt: string | null;
  requesterHeld: boolean;
  inviteeHeld: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MyMeetings {
  participantId: number;
  /** booked, held and missed meetings in time order */
  agenda: Meeting[];
  /** requests I received (not booked) */
  incoming: Meeting[];
  /** requests I sent (not booked) */
  outgoing: Meeting[];
}

export interface Slot {
  id: number;
  fairId: number;
  startsAt: string;
  endsAt: string;
  freePlaces: number;
  booked: number;
}

export interface Place {
  id: number;
  fairId: number;
  kind: 'TABLE' | 'ROOM';
  name: string;
  link: string | null;
  position: number;
  active: boolean;
}

export interface MeetingBoard {
  fairId: number;
  title: string;
  mode: 'ONLINE' | 'OFFLINE' | 'HYBRID';
  slots: Slot[];
  places: Place[];
  meetings: Meeting[];
  /** requests awaiting the invitee's answer, oldest first, each with the slots its requester prefers */
  pending: Meeting[];
}

/** An approved participant of the fair I can invite. */
export interface Counterpart {
  participantId: number;
  enterprise: string;
  region: string;
  role: ParticipantRole;
}

export interface NewMeeting {
  inviteeId: number;
  message: string;
  slotIds: number[];
}

export interface SlotsForm {
  date: string;
  from: string;
  until: string;
  minutes: number;
  breakMinutes: number;
}

export interface PlacesForm {
  kind: 'TABLE' | 'ROOM';
  count?: number;
  name?: string;
  link?: string;
}

export const fairMeetingApi = {
  mine: (fairId: number) => request<MyMeetings>(`${fair(fairId)}/meetings`),
  slots: (fairId: number) => request<Slot[]>(`${fair(fairId)}/meeting-slots`),
  counterparts: (fairId: number, q: string, signal?: AbortSignal) =>
    request<Counterpart[]>(`${fair(fairId)}/meeting-counterparts`, { query: { q }, signal }),
  /** POST with Idempotency-Key → 201 (new) or 200 (repeat of the key) */
  request: (fairId: number, body: NewMeeting, idempotencyKey: string) =>
    request<Meeting>(`${fair(fairId)}/meetings`, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  accept: (fairId: number, meetingId: number, slotId: number, idempotencyKey: string) =>
    request<Meeting>(`${fair(fairId)}/meetings/${seg(meetingId)}/accept`, {
      method: 'POST',
      body: { slotId },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  decline: (fairId: number, meetingId: number, reason: string) =>
    request<Meeting>(`${fair(fairId)}/meetings/${seg(meetingId)}/decline`, { method: 'POST', body: { reason } }),
  cancel: (fairId: number, meetingId: number, reason?: string) =>
    request<Meeting>(`${fair(fairId)}/meetings/${seg(meetingId)}/cancel`, {
      method: 'POST',
      body: reason ? { reason } : undefined,
    }),
  confirmHeld: (fairId: number, meetingId: number) =>
    request<Meeting>(`${fair(fairId)}/meetings/${seg(meetingId)}/held`, { method: 'POST' }),

  board: (fairId: number) => request<MeetingBoard>(`${organiser(fairId)}/meeting-board`),
  addSlots: (fairId: number, body: SlotsForm) =>
    request<MeetingBoard>(`${organiser(fairId)}/slots`, { method: 'POST', body }),
  deleteSlot: (fairId: number, slotId: number) =>
    request<MeetingBoard>(`${organiser(fairId)}/slots/${seg(slotId)}`, { method: 'DELETE' }),
  addPlaces: (fairId: number, body: PlacesForm) =>
    request<MeetingBoard>(`${organiser(fairId)}/places`, { method: 'POST', body }),
  setPlaceActive: (fairId: number, placeId: number, active: boolean) =>
    request<MeetingBoard>(`${organiser(fairId)}/places/${seg(placeId)}/${active ? 'enable' : 'disable'}`, { method: 'POST' }),
  mark: (fairId: number, meetingId: number, status: 'HELD' | 'NO_SHOW') =>
    request<Meeting>(`${organiser(fairId)}/meetings/${seg(meetingId)}/mark`, { method: 'POST', body: { status } }),
  /** 主办方取消 a request or a booking not yet begun, with a reason both sides see */
  cancelByOrganiser: (fairId: number, meetingId: number, reason: string) =>
    request<Meeting>(`${organiser(fairId)}/meetings/${seg(meetingId)}/cancel`, { method: 'POST', body: { reason } }),
};

// ---- roadshow

export interface RoadshowProject {
  participantId: number;
  enterprise: string;
  offers: string;
  amountMinFen: number | null;
  amountMaxFen: number | null;
  interested: number;
}

export interface RoadshowStage {
  fairId: number;
  title: string;
  streamUrl: string | null;
  currentProjectId: number | null;
  projects: RoadshowProject[];
}

export interface RoadshowQuestion {
  id: number;
  projectId: number;
  asker: string;
  text: string;
  votes: number;
  answered: boolean;
}

export interface RoadshowQa {
  fairId: number;
  questions: RoadshowQuestion[];
}

export interface RoadshowRoom {
  stage: RoadshowStage;
  qa: RoadshowQa;
  organiser: boolean;
  participantId: number | null;
  role: ParticipantRole | null;
  /** ids of the questions I upvoted */
  votes: number[];
  /** ids of the projects I marked 感兴趣 */
  interests: number[];
}

export const roadshowApi = {
  room: (fairId: number) => request<RoadshowRoom>(`${fair(fairId)}/roadshow`),
  ask: (fairId: number, text: string, projectId?: number | null) =>
    request<RoadshowQuestion>(`${fair(fairId)}/roadshow/questions`, { method: 'POST', body: { text, projectId } }),
  vote: (fairId: number, questionId: number) =>
    request<RoadshowQuestion>(`${fair(fairId)}/roadshow/questions/${seg(questionId)}/vote`, { method: 'POST' }),
  answered: (fairId: number, questionId: number) =>
    request<RoadshowQuestion>(`${fair(fairId)}/roadshow/questions/${seg(questionId)}/answered`, { method: 'POST' }),
  interest: (fairId: number, projectId: number) =>
    request<RoadshowProject>(`${fair(fairId)}/roadshow/projects/${seg(projectId)}/interest`, { method: 'POST' }),
  setStream: (fairId: number, streamUrl: string | null) =>
    request<RoadshowStage>(`${organiser(fairId)}/roadshow/stream`, { method: 'PUT', body: { streamUrl } }),
  setCurrent: (fairId: number, projectId: number | null) =>
    request<RoadshowStage>(`${organiser(fairId)}/roadshow/current`, { method: 'PUT', body: { projectId } }),
};
