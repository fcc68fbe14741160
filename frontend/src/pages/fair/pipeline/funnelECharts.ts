// Only the parts of ECharts the funnel uses (loaded on first use by FunnelChart), so the bundle carries no other chart.
import { FunnelChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([FunnelChart, TooltipComponent, CanvasRenderer]);

export { init };
