/** Progress on a terminal only: piped or logged output stays clean. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let shown = false;
  let last = 0;
  return {
    update(done: number, total: number) {
      if (!stream.isTTY || total < 200) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r${label}… ${done}/${total} (${Math.round((done / total) * 100)}%)`);
    },
    done() {
      if (shown) stream.write('\n');
    },
  };
}
