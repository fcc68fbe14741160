import { useMemo, useState } from 'react';
import type { TrainingStatus } from '../../../api/training';
import { trainingRoomApi } from '../../../api/trainingRoom';
import { ChatPanel } from '../../../components/chat/ChatPanel';
import { Toast, useToast } from '../../../components/Toast';
import { trainingDestinations } from '../../../realtime/destinations';
import { useRealtime } from '../../../realtime/useTopic';
import { CheckInBanner } from './CheckInBanner';
import { PollCard } from './PollCard';
import { QaPanel } from './QaPanel';
import { currentPoll, isCheckInState, isPollSnapshot, useSnapshot } from './roomData';

type Tab = 'chat' | 'qa' | 'poll';

const TABS: { id: Tab; label: string }[] = [
  { id: 'chat', label: '聊天' },
  { id: 'qa', label: '问答' },
  { id: 'poll', label: '投票·签到' },
];

interface Props {
  sessionId: number;
  status: TrainingStatus | null;
}

/**
 * A training room's interaction beside the player: a check-in banner while one runs, then tabs for chat, Q&A and
 * polls (on phones one tab at a time; on desktop the same, in the side column). Guests read; accounts take part.
 */
export function TrainingRoomPanel({ sessionId, status }: Props) {
  const rt = useRealtime();
  const [tab, setTab] = useState<Tab>('chat');
  const [toast, showToast] = useToast();
  const topics = useMemo(
    () => ({ chat: trainingDestinations.chat(sessionId), sendChat: trainingDestinations.sendChat(sessionId) }),
    [sessionId],
  );
  const live = status === 'LIVE';
  const polls = useSnapshot(trainingDestinations.poll(sessionId), (s) => trainingRoomApi.polls(sessionId, s), isPollSnapshot);
  const checkIn = useSnapshot(
    trainingDestinations.checkin(sessionId),
    (s) => trainingRoomApi.checkIn(sessionId, s).then((m) => m?.state),
    isCheckInState,
  );
  const poll = currentPoll(polls);
  const pollOpen = poll?.status === 'OPEN';

  const sendChat = (text: string) => {
    const ok = rt.send(topics.sendChat, { text });
    if (!ok) showToast('连接中，请稍后再发');
    return ok;
  };

  return (
    <aside className="training-room-panel" aria-label="课堂互动" data-testid="training-room-panel">
      <CheckInBanner sessionId={sessionId} state={checkIn} onMessage={showToast} />
      <div className="room-tabs" role="tablist" aria-label="课堂互动">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`room-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`room-tabpanel-${t.id}`}
            className={tab === t.id ? 'room-tab is-active' : 'room-tab'}
            onClick={() => setTab(t.id)}
            data-testid={`room-tab-${t.id}`}
          >
            {t.label}
            {t.id === 'poll' && pollOpen && <span className="room-tab-dot" aria-label="有进行中的投票" />}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`room-tabpanel-${tab}`} aria-labelledby={`room-tab-${tab}`} className="room-tabpanel">
        {tab === 'chat' && (
          <ChatPanel
            topics={topics}
            onSend={sendChat}
            closed={live ? undefined : status === 'SCHEDULED' ? '开播后可以发言' : status ? '直播已结束，聊天已关闭' : undefined}
          />
        )}
        {tab === 'qa' && <QaPanel sessionId={sessionId} live={live} onMessage={showToast} />}
        {tab === 'poll' &&
          (poll ? (
            <PollCard key={poll.id} sessionId={sessionId} poll={poll} onMessage={showToast} />
          ) : (
            <p className="muted small room-empty" data-testid="poll-empty">主办方发起投票或签到后会显示在这里</p>
          ))}
      </div>
      <Toast message={toast} />
    </aside>
  );
}
