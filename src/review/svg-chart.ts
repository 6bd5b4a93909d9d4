/** Bar charts as SVG strings, rendered on the server by ECharts (SSR), for reports that must also print to PDF. */
import { BarChart } from 'echarts/charts'
import { GridComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([BarChart, GridComponent, SVGRenderer])

export function barSvg(
  data: readonly { label: string; value: number | null }[],
  width = 560,
): string {
  const rows = data.filter((d) => d.value !== null).reverse()
  const height = Math.max(90, rows.length * 26 + 40)
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  chart.setOption({
    animation: false,
    grid: { left: 190, right: 30, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((d) => d.label),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((d) => d.value),
        itemStyle: { color: '#1f5f8b' },
        label: { show: true, position: 'right' },
      },
    ],
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}
