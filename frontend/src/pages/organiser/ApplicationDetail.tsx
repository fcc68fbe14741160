import type { MerchantApplication } from '../../api/merchant';
import { formatDateTime } from '../../lib/format';
import { SIZE_LABELS, TIER_LABELS } from '../../lib/labels';
import { DocumentList } from '../merchant/DocumentList';
import { CATEGORY_LABELS } from '../merchant/labels';
import { StatusBadge } from '../merchant/StatusBadge';
import { StatusTimeline } from '../merchant/StatusTimeline';
import { DecisionActions } from './DecisionActions';

interface Props {
  application: MerchantApplication;
  quotaLeft: number;
  onDecided: (application: MerchantApplication) => void;
  onClose: () => void;
}

/** Everything a reviewer needs about one application, and the decision buttons. */
export function ApplicationDetail({ application: a, quotaLeft, onDecided, onClose }: Props) {
  const e = a.enterprise;
  return (
    <article className="card application-detail" aria-labelledby="detail-title" data-testid="application-detail">
      <div className="application-head">
        <div>
          <h3 id="detail-title">{e.name}</h3>
          <p className="muted small">
            申请 #{a.id} · {a.roundName} · 提交于 {formatDateTime(a.createdAt)}
          </p>
        </div>
        <StatusBadge status={a.status} />
      </div>
      <dl className="details compact">
        <dt>统一社会信用代码</dt>
        <dd className="mono">{e.creditCode}</dd>
        <dt>所在地区</dt>
        <dd>{e.region}</dd>
        <dt>所属行业</dt>
        <dd>{e.industry}</dd>
        <dt>企业规模</dt>
        <dd>
          {SIZE_LABELS[e.size] ?? e.size}
          {e.tier !== 'NONE' && ` · ${TIER_LABELS[e.tier] ?? e.tier}`}
        </dd>
        <dt>联系人</dt>
        <dd>
          {a.contactName} {a.contactPhone}（账号：{a.applicantName}）
        </dd>
        <dt>产品类别</dt>
        <dd>{CATEGORY_LABELS[a.category] ?? a.category}</dd>
        <dt>拟上架产品</dt>
        <dd className="pre-wrap">{a.proposedProducts}</dd>
      </dl>
      <h4>资质文件</h4>
      <DocumentList documents={a.documents} />
      <h4>处理记录</h4>
      <StatusTimeline history={a.history} />
      <DecisionActions application={a} quotaLeft={quotaLeft} onDecided={onDecided} />
      <button type="button" className="btn btn-ghost btn-sm close-detail" onClick={onClose}>
        收起
      </button>
    </article>
  );
}
