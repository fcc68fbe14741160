import { Link, useParams } from 'react-router-dom';
import { ComingSoon } from '../../components/ComingSoon';

export function LiveRoomPage() {
  const { id = '' } = useParams();
  return (
    <ComingSoon
      title={`直播间 #${id}`}
      description="直播间功能即将上线：观看直播、查看讲解商品、参与抢购与互动。"
    >
      <p>
        <Link to="/live">查看全部直播</Link>
      </p>
    </ComingSoon>
  );
}
