import { describe, expect, it } from 'vitest';
import { amountRange, canMarkAnswered, questionsOf, streamKindOf } from './roadshowLogic';

describe('roadshow logic', () => {
  it('plays .m3u8 in the page and links anything else', () => {
    expect(streamKindOf('/demo/stream/live.m3u8')).toBe('HLS');
    expect(streamKindOf('https://cdn.example.com/a.M3U8?token=1')).toBe('HLS');
    expect(streamKindOf('https://cdn.example.com/a.flv')).toBe('FLV');
    expect(streamKindOf('https://meeting.example.com/j/123')).toBe('OTHER');
  });

  it('shows sought amounts in 万元', () => {
    expect(amountRange({ amountMinFen: 500_000_000, amountMaxFen: 1_000_000_000 })).toBe('融资 500–1000 万元');
    expect(amountRange({ amountMinFen: 250_000_000, amountMaxFen: 250_000_000 })).toBe('融资 250 万元');
    expect(amountRange({ amountMinFen: 1_500_000, amountMaxFen: null })).toBe('融资 1.5 万元起');
    expect(amountRange({ amountMinFen: null, amountMaxFen: null })).toBe('');
  });

  it('lets the project asked and the organisers mark answered', () => {
    expect(canMarkAnswered({ organiser: true, participantId: null }, { projectId: 3 })).toBe(true);
    expect(canMarkAnswered({ organiser: false, participantId: 3 }, { projectId: 3 })).toBe(true);
    expect(canMarkAnswered({ organiser: false, participantId: 4 }, { projectId: 3 })).toBe(false);
  });

  it('names the project each question asks', () => {
    const stage = { fairId: 1, title: '', streamUrl: null, currentProjectId: 3,
      projects: [{ participantId: 3, enterprise: '智能装备', offers: '', amountMinFen: null, amountMaxFen: null, interested: 0 }] };
    const qa = { fairId: 1, questions: [{ id: 1, projectId: 3, asker: '基金', text: '估值？', votes: 2, answered: false },
      { id: 2, projectId: 9, asker: '银行', text: '抵押？', votes: 0, answered: false }] };
    expect(questionsOf(qa, stage).map((q) => q.project)).toEqual(['智能装备', '项目']);
  });
});
