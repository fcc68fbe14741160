// Every realtime destination the app uses, in one place: the mirror of the server's
// io.livehall.showcase.ShowcaseDestinations, io.livehall.training.TrainingDestinations,
// io.livehall.fair.FairDestinations, io.livehall.dashboard.DashboardTopics (and the user queues of docs/api.md). Build destinations here, nowhere else.

const seg = (id: number | string) => encodeURIComponent(String(id));

/** The showcase's live room and merchant console. */
export const showcaseDestinations = {
  /** room type of a live session's room (its audience: viewers) */
  roomType: 'live',
  viewers: (liveId: number | string) => `/topic/live/${seg(liveId)}/viewers`,
  chat: (liveId: number | string) => `/topic/live/${seg(liveId)}/chat`,
  likes: (liveId: number | string) => `/topic/live/${seg(liveId)}/likes`,
  pinned: (liveId: number | string) => `/topic/live/${seg(liveId)}/pinned`,
  status: (liveId: number | string) => `/topic/live/${seg(liveId)}/status`,
  deals: (liveId: number | string) => `/topic/live/${seg(liveId)}/deals`,
  orders: (liveId: number | string) => `/topic/live/${seg(liveId)}/orders`,
  merchantSales: (liveId: number | string) => `/topic/merchant/live/${seg(liveId)}/sales`,
  sendChat: (liveId: number | string) => `/app/live/${seg(liveId)}/chat`,
  sendLike: (liveId: number | string) => `/app/live/${seg(liveId)}/like`,
} as const;

/** A training session's room (mirror of io.livehall.training.TrainingDestinations). */
export const trainingDestinations = {
  /** room type of a training session's room (its audience: viewers) */
  roomType: 'training',
  viewers: (sessionId: number | string) => `/topic/training/${seg(sessionId)}/viewers`,
  status: (sessionId: number | string) => `/topic/training/${seg(sessionId)}/status`,
  /** ranked questions (latest value, ≤ 2/s) */
  qa: (sessionId: number | string) => `/topic/training/${seg(sessionId)}/qa`,
  /** opened polls with results (latest value, ≤ 2/s) */
  poll: (sessionId: number | string) => `/topic/training/${seg(sessionId)}/poll`,
  /** the check-in's window and count, never its code (latest value) */
  checkin: (sessionId: number | string) => `/topic/training/${seg(sessionId)}/checkin`,
  chat: (sessionId: number | string) => `/topic/training/${seg(sessionId)}/chat`,
  sendChat: (sessionId: number | string) => `/app/training/${seg(sessionId)}/chat`,
} as const;

/** Matchmaking fairs (mirror of io.livehall.fair.FairDestinations). */
export const fairDestinations = {
  /** the organisers' live KPIs of a fair (latest value, ≤ 2/s; organisers of the fair and admins only) */
  kpi: (fairId: number | string) => `/topic/fair/${seg(fairId)}/kpi`,
};

/** A financing fair's roadshow room (mirror of io.livehall.fair.FairDestinations). */
export const roadshowDestinations = {
  /** room type of a roadshow room (its id: the fair's id) */
  roomType: 'roadshow',
  viewers: (fairId: number | string) => `/topic/roadshow/${seg(fairId)}/viewers`,
  /** the stream, the project pitching now, each project's 感兴趣 count (latest value) */
  stage: (fairId: number | string) => `/topic/roadshow/${seg(fairId)}/stage`,
  /** investor questions, unanswered and most upvoted first (latest value, ≤ 2/s) */
  qa: (fairId: number | string) => `/topic/roadshow/${seg(fairId)}/qa`,
} as const;

/** The organisers' live dashboard (mirror of io.livehall.dashboard.DashboardTopics). */
export const dashboardDestinations = {
  /** a scope's snapshot (latest value, ≤ 1/s; organisers of the scope's events and admins only) */
  overview: (scope: string) => `/topic/dashboard/${seg(scope)}/overview`,
} as const;

/** The signed-in user's own queues (any of their connections, any instance). */
export const userQueues = {
  notifications: '/user/queue/notifications',
  /** refused SENDs of this connection */
  errors: '/user/queue/errors',
} as const;
