/**
 * Peak memory of a process and all its descendants (Astro, Pagefind's service, …),
 * sampled from /proc, plus what they put in /dev/shm (the build's search records,
 * src/build/search-index.ts): the "whole build" figure of the benchmark.
 */
import { readdirSync, readFileSync, statfsSync } from 'node:fs';

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = byParent.get(ppid) ?? [];
      list.push(Number(entry));
      byParent.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  return byParent;
}

function rssKiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The tree's current RSS in bytes. */
export function treeRss(root: number): number {
  const byParent = children();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rssKiB(pid);
    stack.push(...(byParent.get(pid) ?? []));
  }
  return total * 1024;
}

/** Bytes in use in the memory file system /dev/shm, 0 where there is none. */
function shmUsed(): number {
  try {
    const fs = statfsSync('/dev/shm');
    return (fs.blocks - fs.bfree) * fs.bsize;
  } catch {
    return 0;
  }
}

/**
 * Samples the tree's RSS, plus what /dev/shm gained since the start, every `ms`
 * until `stop()` is called; returns the peak in bytes.
 */
export function sampleRss(root: number, ms = 250): { stop: () => number } {
  let peak = 0;
  const before = shmUsed();
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(root) + Math.max(0, shmUsed() - before))), ms);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
