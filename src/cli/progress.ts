/** A progress bar on stderr (so stdout stays clean for results): `[#######·····]  70/100  label  12.3/s`, redrawn in place on a terminal. */
export function progressBar(label: string, width = 30) {
  const started = performance.now()
  const tty = process.stderr.isTTY === true
  let lastDraw = 0
  let lastQuarter = -1
  return (done: number, total: number) => {
    const now = performance.now()
    if (!tty) {
      // A file or a pipe: one line at each quarter, not a redrawn bar.
      const quarter = total > 0 ? Math.floor((4 * done) / total) : 4
      if (quarter === lastQuarter) return
      lastQuarter = quarter
      const rate = done / Math.max(0.001, (now - started) / 1000)
      process.stderr.write(`${done}/${total}  ${label}  ${rate.toFixed(1)}/s\n`)
      return
    }
    if (done < total && now - lastDraw < 100) return
    lastDraw = now
    const filled = total > 0 ? Math.round((done / total) * width) : width
    const rate = done / Math.max(0.001, (now - started) / 1000)
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total}  ${label}  ${rate.toFixed(1)}/s`,
    )
    if (done >= total) process.stderr.write('\n')
  }
}
