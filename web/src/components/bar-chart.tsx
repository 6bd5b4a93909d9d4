import { BarChart as EBar } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

echarts.use([EBar, GridComponent, TooltipComponent, SVGRenderer])

/** A horizontal bar chart (ECharts, SVG), with the same numbers as a table for screen readers. */
export function BarChart({ title, data }: { title: string; data: { key: string; n: number }[] }) {
  const el = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!el.current || data.length === 0) return
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' })
    const rows = [...data].reverse()
    chart.setOption({
      animation: false,
      grid: { left: 150, right: 24, top: 8, bottom: 24 },
      tooltip: {},
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((d) => d.key),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [{ type: 'bar', data: rows.map((d) => d.n), itemStyle: { color: '#1f5f8b' } }],
    })
    const onResize = () => chart.resize()
    addEventListener('resize', onResize)
    return () => {
      removeEventListener('resize', onResize)
      chart.dispose()
    }
  }, [data])
  if (data.length === 0)
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="help">Nothing to count yet.</p>
      </figure>
    )
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={el} style={{ height: Math.max(80, data.length * 28 + 40) }} aria-hidden="true" />
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.key}</th>
              <td>{d.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
